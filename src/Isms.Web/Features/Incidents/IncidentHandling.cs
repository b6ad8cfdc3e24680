using Isms.Core;
using Isms.Core.Calendars;
using Isms.Core.Incidents;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Mail;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// How the handling unit works an incident once it is reported: corrective actions for weaknesses,
/// the timeline, tasks, the investigation and improvement report, drills' results, and closure
/// (a major incident's with a manager's approval).
public sealed class IncidentHandling(
    IsmsDbContext db, Caller caller, SecurityReports reports, LevelPreview preview, TimeProvider clock, AgencyTime agency, IncidentClock deadlines, IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    public async Task<IncidentDetailsResponse?> DetailsAsync(string number, CancellationToken cancellationToken)
    {
        var report = await (await reports.InReachAsync(db.Set<SecurityReport>().AsNoTracking(), cancellationToken)).SingleOrDefaultAsync(r => r.Number == number, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var impacts = ImpactColumn.Read(report.ImpactsJson);
        var unitName = report.UnitId is { } unitId ? await db.Set<Unit>().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var timeline = await db.Set<ReportTimelineEntry>().AsNoTracking().Where(e => e.ReportId == report.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntryResponse(e.Id, e.At, e.Text, e.AuthorName, e.WrittenAt)).ToListAsync(cancellationToken);
        var today = agency.DateAt(clock.GetUtcNow());
        var tasks = (await db.Set<ReportTask>().AsNoTracking().Where(t => t.ReportId == report.Id)
                .Join(db.Set<Person>(), t => t.OwnerPersonId, p => p.Id, (t, p) => new { Task = t, p.FullName }).ToListAsync(cancellationToken))
            .OrderBy(t => t.Task.DueOn).ThenBy(t => t.Task.Id)
            .Select(t => new ReportTaskResponse(t.Task.Id, t.Task.Kind, t.Task.Title, t.Task.OwnerPersonId, t.FullName, t.Task.DueOn, t.Task.DoneAt, t.Task.DoneAt is null && t.Task.DueOn < today, t.Task.Version))
            .ToList();
        return new IncidentDetailsResponse(
            ReportResponse.Of(report, deadlines.For(report)), report.UnitId, unitName, report.OutageId,
            new InvestigationResponse(report.ScopeAndDamage, report.HandlingCourse, report.RootCause, report.PreventiveManagement, report.PreventiveTechnology,
                report.PreventiveStaffing, report.PreventiveResources, report.PlannedCompletion, report.FollowUp),
            report.Drill ? new DrillResponse(report.DrillKind, report.DrillParticipants, report.DrillFailures, report.DrillReported, report.DrillResults) : null,
            new ClosureResponse(report.ClosureRequestedAt, report.ClosureRequestedById, report.ClosureApprovedById, report.ClosureNote, report.Level >= 3),
            timeline, tasks, impacts, Reasons(impacts));
    }

    private IReadOnlyList<string> Reasons(List<ImpactInput> impacts)
    {
        try
        {
            return impacts.Count > 0 ? preview.Preview(new LevelPreviewRequest { Impacts = impacts }).Reasons : [];
        }
        catch (InputRejectedException)
        {
            // Stored under an older rule: the level stands, without its reasons.
            return [];
        }
    }

    /// Takes up a weakness or suggestion: the report is actioned, and its fix becomes a corrective
    /// action with an owner and a due date.
    public async Task<IncidentDetailsResponse> ActionAsync(string number, CorrectiveActionInput input, CancellationToken cancellationToken)
    {
        var report = await reports.LoadAsync(number, input.Version, cancellationToken);
        if (report.Status is not (ReportStatus.Reported or ReportStatus.Actioned) || report.Kind == ReportKind.Incident)
        {
            throw new RuleViolationException("report.not-a-weakness", text["Only a reported weakness or suggestion becomes a corrective action."]);
        }

        await CheckOwnerAsync(input.OwnerPersonId!.Value, nameof(input.OwnerPersonId), cancellationToken);
        report.Status = ReportStatus.Actioned;
        reports.Triaged(report);
        db.Add(new ReportTask
        {
            ReportId = report.Id,
            Kind = ReportTaskKind.CorrectiveAction,
            Title = input.Title.Trim(),
            OwnerPersonId = input.OwnerPersonId.Value,
            DueOn = input.DueOn!.Value,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (await DetailsAsync(number, cancellationToken))!;
    }

    public async Task<TimelineEntryResponse> AddTimelineAsync(string number, TimelineInput input, CancellationToken cancellationToken)
    {
        var report = await FindForWriteAsync(number, cancellationToken);
        var now = clock.GetUtcNow();
        var at = (input.At ?? now).ToUniversalTime();
        if (at > now)
        {
            throw InputRejectedException.For(nameof(input.At), text["Times cannot be in the future."]);
        }

        var author = await AuthorNameAsync(cancellationToken);
        var entry = new ReportTimelineEntry { ReportId = report.Id, At = at, Text = input.Text.Trim(), AuthorId = caller.AccountId, AuthorName = author, WrittenAt = now };
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new TimelineEntryResponse(entry.Id, entry.At, entry.Text, entry.AuthorName, entry.WrittenAt);
    }

    public async Task<ReportTaskResponse> AddTaskAsync(string number, TaskInput input, CancellationToken cancellationToken)
    {
        var report = await FindForWriteAsync(number, cancellationToken);
        var owner = await CheckOwnerAsync(input.OwnerPersonId!.Value, nameof(input.OwnerPersonId), cancellationToken);
        var task = new ReportTask
        {
            ReportId = report.Id,
            Kind = report.Status == ReportStatus.Confirmed ? ReportTaskKind.Task : ReportTaskKind.CorrectiveAction,
            Title = input.Title.Trim(),
            OwnerPersonId = owner.Id,
            DueOn = input.DueOn!.Value,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return Task(task, owner.FullName);
    }

    public async Task<ReportTaskResponse> TaskDoneAsync(string number, int taskId, TaskDoneInput input, CancellationToken cancellationToken)
    {
        var report = await FindForWriteAsync(number, cancellationToken);
        var task = await db.Set<ReportTask>().SingleOrDefaultAsync(t => t.Id == taskId && t.ReportId == report.Id, cancellationToken)
            ?? throw new RecordNotFoundException("Task", taskId);
        if (task.Version != input.Version)
        {
            throw Stale();
        }

        task.DoneAt = input.Done ? task.DoneAt ?? clock.GetUtcNow() : null;
        task.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var owner = await db.Set<Person>().Where(p => p.Id == task.OwnerPersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
        return Task(task, owner);
    }

    public async Task<IncidentDetailsResponse> InvestigationAsync(string number, InvestigationInput input, CancellationToken cancellationToken)
    {
        var report = await reports.LoadAsync(number, input.Version, cancellationToken);
        var errors = new FieldErrors();
        if (input.UnitId is { } unitId && !await db.Set<Unit>().AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            errors.Add(nameof(input.UnitId), text["Choose a unit from the list."]);
        }

        if (input.OutageId is { } outageId && !await db.Set<Outage>().AnyAsync(o => o.Id == outageId, cancellationToken))
        {
            errors.Add(nameof(input.OutageId), text["There is no such outage."]);
        }

        errors.ThrowIfAny();
        report.ScopeAndDamage = Blank(input.ScopeAndDamage);
        report.HandlingCourse = Blank(input.HandlingCourse);
        report.RootCause = Blank(input.RootCause);
        report.PreventiveManagement = Blank(input.PreventiveManagement);
        report.PreventiveTechnology = Blank(input.PreventiveTechnology);
        report.PreventiveStaffing = Blank(input.PreventiveStaffing);
        report.PreventiveResources = Blank(input.PreventiveResources);
        report.PlannedCompletion = input.PlannedCompletion;
        report.FollowUp = Blank(input.FollowUp);
        report.AffectedSystem = Blank(input.AffectedSystem) ?? report.AffectedSystem;
        report.UnitId = input.UnitId ?? report.UnitId;
        report.OutageId = input.OutageId;
        report.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await DetailsAsync(number, cancellationToken))!;
    }

    public async Task<IncidentDetailsResponse> DrillResultsAsync(string number, DrillResultsInput input, CancellationToken cancellationToken)
    {
        var report = await reports.LoadAsync(number, input.Version, cancellationToken);
        if (!report.Drill)
        {
            throw new RuleViolationException("report.not-a-drill", text["Only a drill has drill results."]);
        }

        var errors = new FieldErrors();
        if (input.Failures > input.Participants)
        {
            errors.Add(nameof(input.Failures), text["No more can fail than took part."]);
        }

        if (input.Reported > input.Participants)
        {
            errors.Add(nameof(input.Reported), text["No more can report than took part."]);
        }

        errors.ThrowIfAny();
        report.DrillKind = input.DrillKind;
        report.DrillParticipants = input.Participants;
        report.DrillFailures = input.Failures;
        report.DrillReported = input.Reported;
        report.DrillResults = Blank(input.Results);
        report.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await DetailsAsync(number, cancellationToken))!;
    }

    /// Asks a manager of the incident's unit to approve closing a major incident: it must be
    /// recovered and its root cause written down first.
    public async Task<IncidentDetailsResponse> RequestClosureAsync(string number, ClosureRequestInput input, CancellationToken cancellationToken)
    {
        var report = await reports.LoadAsync(number, input.Version, cancellationToken);
        if (report is not { Status: ReportStatus.Confirmed, Level: >= 3 } || report.ClosedAt is not null)
        {
            throw new RuleViolationException("report.no-approval-needed", text["Only an open major incident needs a manager's approval to close."]);
        }

        var errors = new FieldErrors();
        if (report.RecoveredAt is null)
        {
            errors.Add("RecoveredAt", text["An incident is closed after its recovery."]);
        }

        if (report.RootCause is null)
        {
            errors.Add("RootCause", text["Write down the root cause before asking to close."]);
        }

        if (report.UnitId is null)
        {
            errors.Add("UnitId", text["Say which unit the incident concerns: its manager approves the closure."]);
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        report.ClosureRequestedAt = now;
        report.ClosureRequestedById = caller.AccountId;
        report.ClosureNote = Blank(input.Note);
        report.Version++;
        var managers = await UnitManagerEmailsAsync(report.UnitId!.Value, cancellationToken);
        foreach (var to in managers)
        {
            db.Add(new OutgoingMail
            {
                To = to,
                Subject = $"[ISMS] 重大資安事件結案待核准 / Closure of major incident {report.Number} awaits your approval",
                Body = $"重大資安事件 {report.Number}（第 {report.Level} 級）已完成復原，資安處理小組請您核准結案。\n\n"
                    + $"The major incident {report.Number} (level {report.Level}) is recovered; the security handling unit asks you to approve its closure.\n\n{Link(report.Number)}",
                Reason = $"incident.closure-requested {report.Number} {now.ToUnixTimeSeconds()}",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await DetailsAsync(number, cancellationToken))!;
    }

    /// A manager of the incident's unit approves the closure (the incident is closed now) or sends
    /// it back with a note. The one who asked cannot approve.
    public async Task<IncidentDetailsResponse> DecideClosureAsync(string number, ClosureDecisionInput input, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Manager) || !await (await reports.InReachAsync(db.Set<SecurityReport>(), cancellationToken)).AnyAsync(r => r.Number == number, cancellationToken))
        {
            throw new RecordNotFoundException("Report", number);
        }

        var report = await reports.LoadAsync(number, input.Version, cancellationToken);
        if (report.ClosureRequestedAt is null || report.ClosedAt is not null)
        {
            throw new RuleViolationException("report.no-closure-requested", text["No one asked to close this incident."]);
        }

        if (report.ClosureRequestedById == caller.AccountId)
        {
            throw new RuleViolationException("report.own-closure", text["Someone other than the one who asked approves the closure."]);
        }

        if (!input.Approve && string.IsNullOrWhiteSpace(input.Note))
        {
            throw InputRejectedException.For(nameof(input.Note), text["Say why the closure is sent back."]);
        }

        var now = clock.GetUtcNow();
        if (input.Approve)
        {
            report.ClosedAt = now;
            report.ClosureApprovedById = caller.AccountId;
        }
        else
        {
            report.ClosureRequestedAt = null;
            report.ClosureRequestedById = null;
        }

        report.ClosureNote = Blank(input.Note) ?? report.ClosureNote;
        report.Version++;
        db.Add(new ReportTimelineEntry
        {
            ReportId = report.Id,
            At = now,
            Text = input.Approve ? "Closure approved." + (Blank(input.Note) is { } note ? " " + note : "") : "Closure sent back: " + input.Note!.Trim(),
            AuthorId = caller.AccountId,
            AuthorName = await AuthorNameAsync(cancellationToken),
            WrittenAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (await DetailsAsync(number, cancellationToken))!;
    }

    private async Task<SecurityReport> FindForWriteAsync(string number, CancellationToken cancellationToken)
    {
        var report = await db.Set<SecurityReport>().SingleOrDefaultAsync(r => r.Number == number, cancellationToken)
            ?? throw new RecordNotFoundException("Report", number);
        if (report.Status == ReportStatus.Rejected || report.ClosedAt is not null)
        {
            throw new RuleViolationException("report.closed", text["A rejected or closed report takes no more handling."]);
        }

        return report;
    }

    private async Task<Person> CheckOwnerAsync(int personId, string field, CancellationToken cancellationToken) =>
        await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw InputRejectedException.For(field, text["Choose a person from the list."]);

    private async Task<string> AuthorNameAsync(CancellationToken cancellationToken) =>
        await db.Set<Person>().Where(p => p.AccountId == caller.AccountId).Select(p => p.FullName).FirstOrDefaultAsync(cancellationToken)
            ?? caller.User.Identity?.Name ?? "—";

    /// The managers whose reach covers the unit: those whose own unit is it or above it (their
    /// default reach), and those given a scope row on it or a unit above it.
    private async Task<List<string>> UnitManagerEmailsAsync(int unitId, CancellationToken cancellationToken)
    {
        var tree = await UnitTrees.LoadAsync(db, cancellationToken);
        var above = tree.Ancestors(unitId).Append(unitId).ToList();
        var roleIds = db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id);
        var managerAccounts = db.UserRoles.Where(g => roleIds.Contains(g.RoleId)).Select(g => g.UserId);
        var scoped = await db.Set<RoleScope>().AsNoTracking().Where(s => s.Role == Roles.Manager).Select(s => new { s.AccountId, s.UnitId }).ToListAsync(cancellationToken);
        var people = await db.Set<Person>().AsNoTracking()
            .Where(p => p.AccountId != null && managerAccounts.Contains(p.AccountId.Value) && p.Email != null)
            .Select(p => new { AccountId = p.AccountId!.Value, p.UnitId, Email = p.Email! }).ToListAsync(cancellationToken);
        return people.Where(p => scoped.Any(s => s.AccountId == p.AccountId)
                ? scoped.Any(s => s.AccountId == p.AccountId && above.Contains(s.UnitId))
                : above.Contains(p.UnitId))
            .Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static ReportTaskResponse Task(ReportTask t, string owner) =>
        new(t.Id, t.Kind, t.Title, t.OwnerPersonId, owner, t.DueOn, t.DoneAt, false, t.Version);

    private RuleViolationException Stale() => new("report.stale", text["Someone else changed this meanwhile. Reload and try again."], isConflict: true);

    private string Link(string number) =>
        configuration["Isms:PublicUrl"] is { Length: > 0 } url ? $"{url.TrimEnd('/')}/Incidents/Details/{number}" : "";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
