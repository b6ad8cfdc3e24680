using Isms.Web.Data;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Calendar;

/// The working-day calendar: the imported years, their days off, and the declared closures; the
/// security office imports years and declares closures here.
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(CalendarImport.MaxFileBytes + 8192)]
[RequestFormLimits(MultipartBodyLengthLimit = CalendarImport.MaxFileBytes + 8192)]
public sealed class IndexModel(IsmsDbContext db, WorkingCalendars calendars, CalendarImport import, ClosureWrites closures, Today today, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public ClosureInput Closure { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CalendarYearResponse> Years { get; private set; } = [];

    public IReadOnlyList<CalendarDayResponse> DaysOff { get; private set; } = [];

    public IReadOnlyList<ClosureResponse> Closures { get; private set; } = [];

    public IReadOnlyList<string> Locations { get; private set; } = [];

    public CalendarImportResult? ImportResult { get; private set; }

    public bool CanWrite { get; private set; }

    public int ShownYear => Year ?? today.Date.Year;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the calendar file (CSV).");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            ImportResult = await import.ImportAsync(Upload.FileName, buffer.ToArray(), cancellationToken);
            if (ImportResult.Succeeded)
            {
                TempData["Notice"] = "The calendar was imported.";
                return Redirect($"/Calendar?year={ImportResult.Year}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Closure), () => closures.DeclareAsync(Closure, cancellationToken)))
        {
            TempData["Notice"] = "The closure was declared; the due times of open forms were worked out again.";
            return Redirect($"/Calendar?year={Closure.Date!.Value.Year}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid declarationId, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        if (!await closures.WithdrawAsync(declarationId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "The closure was withdrawn; the due times of open forms were worked out again.";
        return Redirect($"/Calendar?year={Year}");
    }

    private async Task<bool> CanWriteAsync() => CanWrite = (await authorization.AuthorizeAsync(User, Policies.CalendarWrite)).Succeeded;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await CanWriteAsync();
        Years = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year)
            .Select(y => new CalendarYearResponse(y.Year, y.WorkingDays, y.Source, y.SourceSha256, y.ImportedAt)).ToListAsync(cancellationToken);
        var set = await calendars.LoadAsync(cancellationToken);
        DaysOff = set.OfficeYears.FirstOrDefault(y => y.Year == ShownYear) is { } year
            ? year.Days.Where(d => d.DayOff != (d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) || d.Remark.Length > 0)
                .Select(d => new CalendarDayResponse(d.Date, d.DayOff, d.Remark)).ToList()
            : [];
        Closures = await ClosureWrites.ListAsync(db, ShownYear, cancellationToken);
        Locations = await ClosureWrites.LocationsAsync(db, cancellationToken);
    }
}
