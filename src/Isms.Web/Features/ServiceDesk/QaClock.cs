using Isms.Core.Calendars;
using Isms.Web.Features.Calendar;

namespace Isms.Web.Features.ServiceDesk;

/// Works out a form's due time and on-time decision on its location's calendar, with the rule
/// and target it was received under (Isms.Core does the arithmetic).
public static class QaClock
{
    public static SlaRule RuleOf(QaForm form) => form.Rule == QaClockRule.WorkingHours
        ? SlaRule.WorkingHoursRule(form.TargetDays, form.DayStart, form.DayEnd)
        : SlaRule.WorkingDaysRule(form.TargetDays);

    /// Sets DueAt and OnTime; a year missing from the calendar leaves the due time unknown and
    /// names the year, never a guess on plain weekdays.
    public static void Apply(CalendarSet calendars, QaForm form, IReadOnlyList<QaPause> pauses)
    {
        try
        {
            var closed = pauses.Select(p => new SlaPause(p.Start, p.End)).ToList();
            form.DueAt = SlaClock.DueAt(calendars.For(form.ClockLocation), RuleOf(form), form.ReceivedAt, closed);
            form.MissingCalendarYear = null;
        }
        catch (CalendarYearMissingException missing)
        {
            form.DueAt = null;
            form.MissingCalendarYear = missing.Year;
        }

        form.OnTime = form is { FinishedAt: { } finished, DueAt: { } due } ? SlaClock.OnTime(finished, due) : null;
    }

    /// Instants are kept to the whole second, so a form finished in the last second of its due day
    /// is on time on both databases alike.
    public static DateTimeOffset Second(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
