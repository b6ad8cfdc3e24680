using System.Globalization;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Incidents;

/// What the details page shows beside the handling's own answer: the stored impacts and their
/// grade, the names behind the ids, and the choices of its forms.
public sealed record IncidentPageFacts(
    IReadOnlyList<ImpactInput> Impacts, LevelPreviewResponse? Grade, string? ReporterName, string? RequestedByName, string? ApprovedByName,
    IReadOnlyList<SelectListItem> People, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Outages);

/// The page's own reads, next to the page: projections, no writes.
public sealed class IncidentPageData(IsmsDbContext db, AgencyTime agency, TimeProvider clock)
{
    private const int MaxPeople = 2000;
    private const int RecentOutages = 40;

    public async Task<IncidentPageFacts> FactsAsync(IncidentDetailsResponse details, bool forms, CancellationToken cancellationToken)
    {
        var r = details.Report;
        var impacts = details.Impacts.ToList();
        var grade = details.LevelReasons.Count > 0 && r.Level is { } level ? new LevelPreviewResponse(level, r.Major == true, details.LevelReasons) : null;
        var reporter = r.ReporterPersonId is { } personId ? await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.FullName).SingleOrDefaultAsync(cancellationToken) : null;
        return new IncidentPageFacts(
            impacts, grade, reporter, await NameAsync(details.Closure.RequestedById, cancellationToken), await NameAsync(details.Closure.ApprovedById, cancellationToken),
            forms ? await PeopleAsync(cancellationToken) : [],
            forms ? await UnitChoices.LoadAsync(db, cancellationToken) : [],
            forms ? await OutagesAsync(details.OutageId, cancellationToken) : []);
    }

    private async Task<string?> NameAsync(Guid? accountId, CancellationToken cancellationToken) =>
        accountId is { } id ? await db.Set<Person>().Where(p => p.AccountId == id).Select(p => p.FullName).FirstOrDefaultAsync(cancellationToken) : null;

    private async Task<List<SelectListItem>> PeopleAsync(CancellationToken cancellationToken)
    {
        var today = agency.DateAt(clock.GetUtcNow());
        return await db.Set<Person>().AsNoTracking().Where(ActiveOn.Day(today)).OrderBy(p => p.FullName).Take(MaxPeople)
            .Select(p => new SelectListItem(p.FullName, p.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
    }

    /// The latest outages of the availability feature, and the one the incident is linked to.
    private async Task<List<SelectListItem>> OutagesAsync(int? linked, CancellationToken cancellationToken)
    {
        var outages = await db.Set<Outage>().AsNoTracking().OrderByDescending(o => o.Start).Take(RecentOutages)
            .Select(o => new { o.Id, o.Start, o.Cause }).ToListAsync(cancellationToken);
        if (linked is { } id && outages.All(o => o.Id != id))
        {
            outages.AddRange(await db.Set<Outage>().AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Start, o.Cause }).ToListAsync(cancellationToken));
        }

        return outages.Select(o => new SelectListItem(
            string.Create(CultureInfo.InvariantCulture, $"#{o.Id} · {agency.ToLocal(o.Start):yyyy-MM-dd HH:mm}{(o.Cause is { Length: > 0 } cause ? " · " + (cause.Length > 60 ? cause[..60] + "…" : cause) : "")}"),
            o.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
