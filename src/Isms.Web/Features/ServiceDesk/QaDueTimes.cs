using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// After a calendar change (a year imported, a closure declared or withdrawn), every open form's
/// due time is worked out again, and so is every form whose due time was unknown for want of a
/// year. Finished forms keep the decision they were finished under. A closure reads only the
/// forms it can move: those on its locations' calendars whose clock runs through its day. The
/// forms are read without tracking, and those whose due time moves are updated set-based, each
/// with its audit entry.
public sealed class QaDueTimes(IsmsDbContext db, WorkingCalendars calendars, AuditedUpdates updates, AgencyTime agency) : ICalendarDependent
{
    private static readonly string[] Changed =
        [nameof(QaForm.DueAt), nameof(QaForm.MissingCalendarYear), nameof(QaForm.OnTime), nameof(QaForm.AtRiskNotifiedAt), nameof(QaForm.Version)];

    public async Task CalendarChangedAsync(CalendarChange change, CancellationToken cancellationToken) => await RecomputeAsync(change, cancellationToken);

    public Task<int> RecomputeAsync(CancellationToken cancellationToken) => RecomputeAsync(CalendarChange.Everything, cancellationToken);

    /// Returns how many forms' due times moved.
    public async Task<int> RecomputeAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        var set = await calendars.LoadAsync(cancellationToken);
        var forms = db.Set<QaForm>().AsNoTracking();
        if (change.Locations is { } locations)
        {
            // A form without a location is on the national calendar, which has no closures.
            forms = forms.Where(f => f.ClockLocation != null && locations.Contains(f.ClockLocation));
        }

        if (change.Day is { } day)
        {
            // A clock that ended before the day, or started after it, counted only days the
            // change leaves alone.
            var since = agency.StartOf(day);
            var until = agency.StartOf(day.AddDays(1));
            forms = forms.Where(f => (f.DueAt == null || f.DueAt >= since) && f.ReceivedAt < until);
        }

        // The open forms, and the closed ones still without a due time (a year was missing): two
        // disjoint parts, so that each is found by its own partial index, not by reading every form.
        var affected = forms.Open().Concat(forms.Closed().Where(f => f.MissingCalendarYear != null));

        var rows = await affected
            .Select(f => new
            {
                f.Id,
                Clock = new QaClockInput(f.Rule, f.TargetDays, f.DayStart, f.DayEnd, f.ClockLocation, f.ReceivedAt),
                f.DueAt,
                f.MissingCalendarYear,
                f.OnTime,
                f.FinishedAt,
                f.AtRiskNotifiedAt,
                f.Version,
            })
            .ToListAsync(cancellationToken);
        // A correlated subquery, not a list of ids (there may be a hundred thousand open forms) nor
        // IN (subquery), which read every form a second time: each pause looks its form up by key.
        var pauses = (await db.Set<QaPause>().AsNoTracking().Where(p => affected.Any(f => f.Id == p.FormId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.FormId, p => new SlaPause(p.Start, p.End));
        var moved = new List<RowChange>();
        foreach (var row in rows)
        {
            var due = QaClock.DueAt(set, row.Clock, pauses[row.Id].ToList());
            if (due.DueAt != row.DueAt || due.MissingYear != row.MissingCalendarYear)
            {
                var onTime = row.FinishedAt is { } finished && due.DueAt is { } dueAt ? SlaClock.OnTime(finished, dueAt) : (bool?)null;
                // A form that moves may be at risk again later: it is announced again then.
                moved.Add(new RowChange(row.Id,
                    [row.DueAt, row.MissingCalendarYear, row.OnTime, row.AtRiskNotifiedAt, row.Version],
                    [due.DueAt, due.MissingYear, onTime, null, row.Version + 1]));
            }
        }

        await updates.ApplyAsync<QaForm>(db, nameof(QaForm.Id), Changed, moved, cancellationToken);
        return moved.Count;
    }
}
