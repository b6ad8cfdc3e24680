using System.Globalization;
using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// One service's figures over a period chosen on the page (DESIGN.md §2), the outages and
/// maintenance they come from, and, for those who may see how it is probed, its monitors.
[Authorize(Policy = Policies.RecordsRead)]
public sealed class ServicesModel(
    AvailabilityReads reads, AvailabilityCatalog catalog, OutageRecords outages, MaintenanceWindows windows, AvailabilitySettings settings,
    AgencyTime agency, Today today, IStringLocalizer<SharedResource> text, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public ServiceResponse Service { get; private set; } = null!;

    /// Null when the period asked for is not understood; the page then shows only the form.
    public ServiceFiguresResponse? Figures { get; private set; }

    public Page<OutageResponse> Outages { get; private set; } = new([], 0, 1, PageSize);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<MaintenanceResponse> Maintenance { get; private set; } = [];

    public IReadOnlyList<(MonitorResponse Monitor, MonitorStatus? Status)> Monitors { get; private set; } = [];

    public int CertificateWarningDays { get; private set; }

    public bool MaintenanceCountsAsDowntime { get; private set; }

    public bool CanManage { get; private set; }

    public bool CanSeeMonitors { get; private set; }

    public DateOnly Today => today.Date;

    public DateTimeOffset Now => today.Now;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await catalog.ServiceAsync(id, cancellationToken) is not { } service)
        {
            return NotFound();
        }

        Service = service;
        // A page number that is not a number shows the first page, not an error.
        ModelState.Remove("page");
        CanManage = (await authorization.AuthorizeAsync(User, Policies.AvailabilityManage)).Succeeded;
        CanSeeMonitors = (await authorization.AuthorizeAsync(User, Policies.AvailabilityDetail)).Succeeded;
        if (ResolvePeriod() is not { } period)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Figures = await reads.FiguresAsync(id, period, cancellationToken);
        if (Figures is null)
        {
            return NotFound();
        }

        var records = await outages.ListAsync(id, period.Start, period.End, cancellationToken);
        var number = Math.Clamp(PageNumber ?? 1, 1, Math.Max(1, (records.Count + PageSize - 1) / PageSize));
        Outages = new Page<OutageResponse>(records.Skip((number - 1) * PageSize).Take(PageSize).ToList(), records.Count, number, PageSize);
        Pager = new PagerModel(Outages.PageNumber, Outages.PageCount, $"/Availability/Services/{id}", Request.Query);
        Maintenance = await windows.ListAsync(id, period.Start, period.End, cancellationToken);
        var current = await settings.CurrentAsync(cancellationToken);
        MaintenanceCountsAsDowntime = current.MaintenanceCountsAsDowntime;
        CertificateWarningDays = current.CertificateWarningDays;
        if (CanSeeMonitors)
        {
            var states = (await reads.MonitorStatusAsync(id, cancellationToken)).ToDictionary(s => s.Id);
            Monitors = (await catalog.MonitorsAsync(id, cancellationToken)).Select(m => (m, states.GetValueOrDefault(m.Id))).ToList();
        }

        return Page();
    }

    /// The period's first and last day when it is whole days in Taipei; null for other instants.
    public (DateOnly First, DateOnly Last)? Days()
    {
        if (Figures is not { } f)
        {
            return null;
        }

        var (first, end) = (agency.DateAt(f.From), agency.DateAt(f.To));
        return agency.StartOf(first) == f.From && agency.StartOf(end) == f.To ? (first, end.AddDays(-1)) : null;
    }

    public string? ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private Interval? ResolvePeriod()
    {
        DateOnly? date = null;
        if (Date is not null)
        {
            if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                ModelState.AddModelError("date", text["Write the date as yyyy-MM-dd."]);
            }
        }

        try
        {
            var period = new FigurePeriod(From, To, PeriodKind, date).Resolve(agency, today.Now, text);
            return ModelState.IsValid ? period : null;
        }
        catch (InputRejectedException rejected)
        {
            foreach (var (field, messages) in rejected.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field switch { "From" => "from", "To" => "to", "Period" => "period", _ => "" }, message);
                }
            }

            return null;
        }
    }
}
