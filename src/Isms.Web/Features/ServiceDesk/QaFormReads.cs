using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// Every read of forms starts from the forms the caller may see (QaFormAccess).
public sealed class QaFormReads(IsmsDbContext db, QaFormAccess access, Today today, WorkingCalendars calendars, ServiceDeskSettings settings)
{
    public async Task<Page<QaFormResponse>> SearchAsync(QaFormQuery query, CancellationToken cancellationToken)
    {
        var filtered = await query.FilterAsync(db, await access.VisibleAsync(cancellationToken), cancellationToken);
        var setting = await settings.CurrentAsync(cancellationToken);
        var set = await calendars.LoadAsync(cancellationToken);
        if (query.AtRisk == true)
        {
            // At risk depends on the calendar, so the open forms due up to the horizon are checked here.
            var now = today.Now;
            var open = filtered.Where(f => f.PausedSince == null && f.DueAt != null && f.DueAt > now);
            var locations = await open.Select(f => f.ClockLocation).Distinct().ToListAsync(cancellationToken);
            if (QaAtRiskHorizon.Of(set, locations, now, setting.DayStart, setting.DayEnd, setting.AtRiskHours) is { } horizon)
            {
                open = open.Where(f => f.DueAt <= horizon);
            }

            var near = await Project(query.Order(open)).ToListAsync(cancellationToken);
            var risky = near.Select(f => WithRemaining(f, set, setting)).Where(f => f.Remaining?.AtRisk == true).ToList();
            return new Page<QaFormResponse>(risky.Skip((query.PageNumber - 1) * query.Size).Take(query.Size).ToList(), risky.Count, query.PageNumber, query.Size);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var items = await Project(query.Order(filtered).Skip((query.PageNumber - 1) * query.Size).Take(query.Size)).ToListAsync(cancellationToken);
        return new Page<QaFormResponse>(items.Select(f => WithRemaining(f, set, setting)).ToList(), total, query.PageNumber, query.Size);
    }

    public async Task<QaFormResponse?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var found = await Project((await access.VisibleAsync(cancellationToken)).AsNoTracking().Where(f => f.Number == number)).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : WithRemaining(found, await calendars.LoadAsync(cancellationToken), await settings.CurrentAsync(cancellationToken));
    }

    public async Task<QaFormDetails?> DetailsAsync(string number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } form)
        {
            return null;
        }

        var desk = access.IsDesk;
        var comments = await db.Set<QaComment>().AsNoTracking().Where(c => c.FormId == form.Id && (desk || !c.Internal)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new QaCommentResponse(c.Id, c.AuthorName, c.Body, c.Internal, c.CreatedAt)).ToListAsync(cancellationToken);
        var files = await db.Set<QaAttachment>().AsNoTracking().Where(a => a.FormId == form.Id).OrderBy(a => a.Id)
            .Select(a => new QaAttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt)).ToListAsync(cancellationToken);
        var pauses = await db.Set<QaPause>().AsNoTracking().Where(p => p.FormId == form.Id).OrderBy(p => p.Start)
            .Select(p => new QaPauseResponse(p.Start, p.End)).ToListAsync(cancellationToken);
        return new QaFormDetails(form, comments, files, pauses);
    }

    /// The file of an attachment, when the caller may see its form.
    public async Task<QaAttachment?> AttachmentAsync(string number, int attachmentId, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        return await db.Set<QaAttachment>().AsNoTracking()
            .Where(a => a.Id == attachmentId && visible.Any(f => f.Id == a.FormId && f.Number == number))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private QaFormResponse WithRemaining(QaFormResponse form, CalendarSet set, ServiceDeskSetting setting) =>
        form with { Remaining = Remaining(form, set, setting, today.Now) };

    public static QaRemaining Remaining(QaFormResponse form, CalendarSet set, ServiceDeskSetting setting, DateTimeOffset now)
    {
        switch (form.Status)
        {
            case QaFormStatus.Finished:
                return new QaRemaining("Finished", null, null, null, false);
            case QaFormStatus.Cancelled:
                return new QaRemaining("Cancelled", null, null, null, false);
            case QaFormStatus.WaitingForRequester when form.PauseWhileWaiting:
                return new QaRemaining("Paused", null, null, null, false);
        }

        if (form.DueAt is not { } due)
        {
            return new QaRemaining("NoCalendar", null, null, null, false);
        }

        if (now > due)
        {
            return new QaRemaining("Overdue", null, null, Math.Round((now - due).TotalHours, 1), false);
        }

        try
        {
            var calendar = set.For(form.ClockLocation);
            var office = SlaClock.OfficeTimeUntil(calendar, setting.DayStart, setting.DayEnd, now, due);
            var agency = set.Zone;
            int? days = form.Rule == QaClockRule.WorkingDays
                ? calendar.WorkingDaysBetween(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, agency).DateTime), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, agency).DateTime))
                : null;
            return new QaRemaining("DueIn", days, Math.Round(office.TotalHours, 1), null, office <= TimeSpan.FromHours(setting.AtRiskHours));
        }
        catch (CalendarYearMissingException)
        {
            return new QaRemaining("NoCalendar", null, null, null, false);
        }
    }

    private IQueryable<QaFormResponse> Project(IQueryable<QaForm> forms) =>
        from f in forms
        join requester in db.Set<People.Person>() on f.RequesterId equals requester.Id
        join unit in db.Set<Organisation.Unit>() on f.OwnerUnitId equals unit.Id
        join category in db.Set<QaCategory>() on f.CategoryId equals category.Id
        join assignee in db.Set<People.Person>() on f.AssigneeId equals assignee.Id into assignees
        from assignee in assignees.DefaultIfEmpty()
        select new QaFormResponse(
            f.Id, f.Number, f.Status, f.RequesterId, requester.FullName, f.OwnerUnitId, unit.Name, f.Module, f.CategoryId, category.Name,
            f.Subject, f.Description, f.Channel, f.ReceivedAt, f.DueAt, f.FinishedAt, f.OnTime, f.MissingCalendarYear, f.Rule, f.TargetDays,
            f.PauseWhileWaiting, f.AssigneeId, assignee == null ? null : assignee.FullName, f.Resolution, f.CancelReason, f.ReopenCount,
            f.Classification, f.Version)
        {
            ClockLocation = f.ClockLocation,
        };
}
