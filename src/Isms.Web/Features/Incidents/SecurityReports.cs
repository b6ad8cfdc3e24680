using System.Globalization;
using Isms.Core;
using Isms.Core.Calendars;
using Isms.Core.Incidents;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// The reporting channel and its triage. A reporter sees their own reports and where they stand,
/// never anyone else's; the security handling unit and auditors see them all.
public sealed class SecurityReports(
    IsmsDbContext db, Caller caller, TimeProvider clock, AgencyTime agency, LevelPreview preview, IncidentClock deadlines, IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    /// The reports the caller reads in full: the handling unit and auditors all (within any unit
    /// scope they were narrowed to), a manager those of their units and sub-units.
    public async Task<IQueryable<SecurityReport>> InReachAsync(IQueryable<SecurityReport> reports, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.SecurityOfficer) && !caller.IsInRole(Roles.Auditor) && !caller.IsInRole(Roles.Manager))
        {
            return reports.Where(_ => false);
        }

        var scope = await caller.ScopeAsync(cancellationToken);
        if (scope.AllUnits)
        {
            return reports;
        }

        var units = scope.ReadableUnitIds.ToList();
        return reports.Where(r => r.UnitId != null && units.Contains(r.UnitId.Value));
    }

    public async Task<IReadOnlyList<OwnReportResponse>> MineAsync(CancellationToken cancellationToken) =>
        (await db.Set<SecurityReport>().AsNoTracking().Where(r => r.ReporterAccountId != null && r.ReporterAccountId == caller.AccountId)
            .OrderByDescending(r => r.Id).Take(500).ToListAsync(cancellationToken)).Select(Own).ToList();

    public async Task<IReadOnlyList<ReportResponse>> ListAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var query = await InReachAsync(db.Set<SecurityReport>().AsNoTracking(), cancellationToken);
        query = filter.Status is { } status ? query.Where(r => r.Status == status) : query;
        query = filter.Kind is { } kind ? query.Where(r => r.Kind == kind) : query;
        query = filter.Open == true ? query.Where(r => r.Status == ReportStatus.Reported || (r.Status == ReportStatus.Confirmed && r.ClosedAt == null)) : query;
        query = filter.Drill is { } drill ? query.Where(r => r.Drill == drill) : query;
        return (await query.OrderByDescending(r => r.Id).Take(Math.Clamp(filter.Take ?? 500, 1, 1000)).ToListAsync(cancellationToken))
            .Select(r => ReportResponse.Of(r, deadlines.For(r))).ToList();
    }

    /// The whole report for the handling unit and auditors, the reporter's view for its reporter, null for anyone else.
    public async Task<object?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var report = await db.Set<SecurityReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, cancellationToken);
        var inReach = report is not null && await (await InReachAsync(db.Set<SecurityReport>(), cancellationToken)).AnyAsync(r => r.Id == report.Id, cancellationToken);
        return report switch
        {
            null => null,
            _ when inReach => ReportResponse.Of(report, deadlines.For(report)),
            _ when report.ReporterAccountId is { } id && id == caller.AccountId => Own(report),
            _ => null,
        };
    }

    public async Task<ReportResponse> RejectAsync(string number, RejectInput input, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(number, input.Version, cancellationToken);
        report.Status = ReportStatus.Rejected;
        report.TriageReason = input.Reason.Trim();
        Triaged(report);
        await db.SaveChangesAsync(cancellationToken);
        return ReportResponse.Of(report, deadlines.For(report));
    }

    /// Confirms an incident and grades it from its impacts. The level may go up freely; a lower
    /// level than before needs a reason (kept, with the change, in the audit trail).
    public async Task<ReportResponse> ConfirmAsync(string number, ConfirmInput input, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(number, input.Version, cancellationToken);
        var grade = preview.Preview(new LevelPreviewRequest { Impacts = input.Impacts });
        var now = clock.GetUtcNow();
        if (report.Level is { } before && grade.Level < before && string.IsNullOrWhiteSpace(input.Reason))
        {
            throw InputRejectedException.For(nameof(input.Reason), text["A lower level than before needs the reason."]);
        }

        if (input.AwareAt > now || input.OccurredAt > now)
        {
            throw InputRejectedException.For(input.AwareAt > now ? nameof(input.AwareAt) : nameof(input.OccurredAt), text["Times cannot be in the future."]);
        }

        report.Kind = ReportKind.Incident;
        report.Status = ReportStatus.Confirmed;
        report.Level = grade.Level;
        report.ImpactsJson = ImpactColumn.Write(input.Impacts);
        report.OccurredAt = input.OccurredAt?.ToUniversalTime();
        report.AwareAt = (input.AwareAt ?? report.AwareAt ?? report.ReportedAt).ToUniversalTime();
        report.Drill = input.Drill;
        report.DrillKind = input.Drill ? input.DrillKind ?? report.DrillKind ?? DrillKind.IncidentResponse : null;
        report.TriageReason = string.IsNullOrWhiteSpace(input.Reason) ? report.TriageReason : input.Reason.Trim();
        Triaged(report);
        await db.SaveChangesAsync(cancellationToken);
        return ReportResponse.Of(report, deadlines.For(report));
    }

    /// Records when the incident was reported outside, recovered and closed. A major incident is
    /// closed only with a manager's approval, which this does not give.
    public async Task<ReportResponse> TimesAsync(string number, HandlingTimesInput input, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(number, input.Version, cancellationToken);
        if (report.Status != ReportStatus.Confirmed)
        {
            throw new RuleViolationException("report.not-an-incident", text["Only a confirmed incident has handling times."]);
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { (nameof(input.ReportedExternallyAt), input.ReportedExternallyAt), (nameof(input.RecoveredAt), input.RecoveredAt), (nameof(input.ClosedAt), input.ClosedAt) })
        {
            if (value > now)
            {
                errors.Add(field, text["Times cannot be in the future."]);
            }
        }

        if (input.ReportedExternallyAt is not null && string.IsNullOrWhiteSpace(input.ExternalReference))
        {
            errors.Add(nameof(input.ExternalReference), text["Give the reference the authority gave."]);
        }

        if (input.ClosedAt is not null && input.RecoveredAt is null)
        {
            errors.Add(nameof(input.ClosedAt), text["An incident is closed after its recovery."]);
        }

        if (report.Level >= 3 && input.ClosedAt?.ToUniversalTime() != report.ClosedAt)
        {
            errors.Add(nameof(input.ClosedAt), text["A major incident is closed with a manager's approval."]);
        }

        errors.ThrowIfAny();
        report.ReportedExternallyAt = input.ReportedExternallyAt?.ToUniversalTime();
        report.ExternalReference = Blank(input.ExternalReference);
        report.RecoveredAt = input.RecoveredAt?.ToUniversalTime();
        report.ClosedAt = input.ClosedAt?.ToUniversalTime();
        report.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return ReportResponse.Of(report, deadlines.For(report));
    }

    public async Task<ObjectiveResponse> ObjectiveAsync(HalfYear half, CancellationToken cancellationToken)
    {
        // Generous bounds in the query; the Core rule decides by the agency's calendar.
        var from = agency.StartOf(half.FirstDay).AddDays(-1);
        var to = agency.StartOf(half.LastDay.AddDays(1)).AddDays(1);
        var rows = await db.Set<SecurityReport>().AsNoTracking()
            .Where(r => r.Status == ReportStatus.Confirmed && r.AwareAt != null
                && ((r.OccurredAt != null && r.OccurredAt >= from && r.OccurredAt < to) || (r.OccurredAt == null && r.AwareAt >= from && r.AwareAt < to)))
            .Select(r => new { r.Id, r.Number, r.Kind, r.Drill, r.OccurredAt, r.AwareAt, r.Level, r.UnitId, r.AffectedSystem }).ToListAsync(cancellationToken);
        var threshold = Math.Max(1, configuration.GetValue("Isms:Incidents:Threshold", IncidentObjective.DefaultThreshold));
        var result = IncidentObjective.Count(rows.Select(r => new IncidentFacts(r.Id, r.Kind, true, false, r.Drill, r.OccurredAt, r.AwareAt!.Value)), half, agency, threshold);
        var counted = result.Counted.ToHashSet();
        var units = await db.Set<Organisation.Unit>().AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var incidents = rows.Where(r => counted.Contains(r.Id))
            .Select(r => new CountedIncident(r.Number, r.Level ?? 1, agency.DateAt(r.OccurredAt ?? r.AwareAt!.Value), r.UnitId is { } u && units.TryGetValue(u, out var name) ? name : null, r.AffectedSystem))
            .OrderBy(i => i.Number, StringComparer.Ordinal).ToList();
        var drills = rows.Count(r => r.Drill && half.Contains(agency.DateAt(r.OccurredAt ?? r.AwareAt!.Value)));
        return new ObjectiveResponse(
            half.Year, half.Half, result.Count, result.Threshold, result.Met, incidents.Select(i => i.Number).ToList(), incidents,
            Enumerable.Range(1, 4).Select(level => new CountBy(level.ToString(CultureInfo.InvariantCulture), incidents.Count(i => i.Level == level))).ToList(),
            By(incidents, i => i.Unit), By(incidents, i => i.System), drills);
    }

    private static List<CountBy> By(IEnumerable<CountedIncident> incidents, Func<CountedIncident, string?> key) =>
        incidents.GroupBy(i => key(i) ?? "").Select(g => new CountBy(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    internal async Task<SecurityReport> LoadAsync(string number, int version, CancellationToken cancellationToken)
    {
        var report = await db.Set<SecurityReport>().SingleOrDefaultAsync(r => r.Number == number, cancellationToken)
            ?? throw new RecordNotFoundException("Report", number);
        if (report.Version != version)
        {
            throw new RuleViolationException("report.stale", text["Someone else changed this meanwhile. Reload and try again."], isConflict: true);
        }

        return report;
    }

    internal void Triaged(SecurityReport report)
    {
        report.TriagedById = caller.AccountId;
        report.TriagedAt = clock.GetUtcNow();
        report.Version++;
    }

    internal static OwnReportResponse Own(SecurityReport r) => new(r.Number, r.Kind, r.Status, r.ReportedAt, r.NoticedAt, r.Description, r.AffectedSystem);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
