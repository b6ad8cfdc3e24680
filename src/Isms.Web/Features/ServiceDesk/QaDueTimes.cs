using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// After a calendar change (a year imported, a closure declared or withdrawn), every open form's
/// due time is worked out again, and so is every form whose due time was unknown for want of a
/// year. Finished forms keep the decision they were finished under. The forms are read without
/// tracking and only those whose due time moves are loaded and saved (each save is audited).
public sealed class QaDueTimes(IsmsDbContext db, WorkingCalendars calendars) : ICalendarDependent
{
    private const int Batch = 500;

    public async Task CalendarChangedAsync(CancellationToken cancellationToken) => await RecomputeAsync(cancellationToken);

    public async Task<int> RecomputeAsync(CancellationToken cancellationToken)
    {
        var set = await calendars.LoadAsync(cancellationToken);
        var affected = db.Set<QaForm>().AsNoTracking()
            .Where(f => (f.Status != QaFormStatus.Finished && f.Status != QaFormStatus.Cancelled) || f.DueAt == null);
        var rows = await affected
            .Select(f => new { f.Id, Clock = new QaClockInput(f.Rule, f.TargetDays, f.DayStart, f.DayEnd, f.ClockLocation, f.ReceivedAt), f.DueAt, f.MissingCalendarYear })
            .ToListAsync(cancellationToken);
        // A subquery, not a list of ids: there may be a hundred thousand open forms.
        var pauses = (await db.Set<QaPause>().AsNoTracking().Where(p => affected.Select(f => f.Id).Contains(p.FormId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.FormId, p => new SlaPause(p.Start, p.End));
        var moved = new Dictionary<int, (DateTimeOffset? DueAt, int? MissingYear)>();
        foreach (var row in rows)
        {
            var due = QaClock.DueAt(set, row.Clock, pauses[row.Id].ToList());
            if (due.DueAt != row.DueAt || due.MissingYear != row.MissingCalendarYear)
            {
                moved[row.Id] = due;
            }
        }

        foreach (var chunk in moved.Keys.Chunk(Batch))
        {
            foreach (var form in await db.Set<QaForm>().Where(f => chunk.Contains(f.Id)).ToListAsync(cancellationToken))
            {
                (form.DueAt, form.MissingCalendarYear) = moved[form.Id];
                form.OnTime = form is { FinishedAt: { } finished, DueAt: { } due } ? SlaClock.OnTime(finished, due) : null;
                form.AtRiskNotifiedAt = null;
                form.Version++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return moved.Count;
    }
}
