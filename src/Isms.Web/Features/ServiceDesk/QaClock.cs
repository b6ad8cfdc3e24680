using Isms.Core.Calendars;
using Isms.Web.Features.Calendar;

namespace Isms.Web.Features.ServiceDesk;

/// What a form's clock depends on: its rule, target and office hours as received, its calendar
/// location and its time of receipt.
public readonly record struct QaClockInput(QaClockRule Rule, int TargetDays, TimeOnly DayStart, TimeOnly DayEnd, string? Location, DateTimeOffset ReceivedAt)
{
    public static QaClockInput Of(QaForm form) => new(form.Rule, form.TargetDays, form.DayStart, form.DayEnd, form.ClockLocation, form.ReceivedAt);
}

/// Works out a form's due time and on-time decision on its location's calendar, with the rule
/// and target it was received under (Isms.Core does the arithmetic).
public static class QaClock
{
    public static SlaRule RuleOf(QaClockInput clock) => clock.Rule == QaClockRule.WorkingHours
        ? SlaRule.WorkingHoursRule(clock.TargetDays, clock.DayStart, clock.DayEnd)
        : SlaRule.WorkingDaysRule(clock.TargetDays);

    /// The due time, or the year missing from the calendar: never a guess on plain weekdays.
    public static (DateTimeOffset? DueAt, int? MissingYear) DueAt(CalendarSet calendars, QaClockInput clock, IReadOnlyList<SlaPause> pauses)
    {
        try
        {
            return (SlaClock.DueAt(calendars.For(clock.Location), RuleOf(clock), clock.ReceivedAt, pauses), null);
        }
        catch (CalendarYearMissingException missing)
        {
            return (null, missing.Year);
        }
    }

    /// Sets DueAt, MissingCalendarYear and OnTime.
    public static void Apply(CalendarSet calendars, QaForm form, IReadOnlyList<QaPause> pauses)
    {
        (form.DueAt, form.MissingCalendarYear) = DueAt(calendars, QaClockInput.Of(form), pauses.Select(p => new SlaPause(p.Start, p.End)).ToList());
        form.OnTime = form is { FinishedAt: { } finished, DueAt: { } due } ? SlaClock.OnTime(finished, due) : null;
    }

    /// Instants are kept to the whole second, so a form finished in the last second of its due day
    /// is on time on both databases alike.
    public static DateTimeOffset Second(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
