namespace Isms.Core.Calendars;

/// <summary>
/// When a Q&amp;A form is due (policy IV.C.1.c, DESIGN.md §2). A static class: every answer follows
/// from the office location's <see cref="WorkingDayCalendar"/>, the rule and the form's instants,
/// and nothing is kept between calls. Instants are whole seconds (a fraction is ignored); due
/// times are whole seconds in UTC.
/// </summary>
/// <remarks>
/// Each rule measures working time on its own axis. Working-days rule: every working day from
/// local 00:00 to 24:00. Working-hours rule: every working day from the rule's
/// <see cref="SlaRule.DayStart"/> to <see cref="SlaRule.DayEnd"/>. On both, a partial closure
/// ends the day at its time; a whole-day closure removes the day.
/// </remarks>
public static class SlaClock
{
    /// <summary>
    /// The due time of a form received at <paramref name="receivedAt"/>. Working-days rule: the
    /// local date of receipt is day 0 when it is a working day and the form came before that day's
    /// partial closure (if any); otherwise the next working day is day 1. The form is due at local
    /// 23:59:59 of working day <see cref="SlaRule.Days"/>, also when that day closes early.
    /// Working-hours rule: the clock starts at receipt when that is inside office hours of a
    /// working day, else at the next start of office hours, and the form is due at the instant
    /// <see cref="SlaRule.Budget"/> of office time has passed.
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The receipt or the due time falls in a year not imported.</exception>
    public static DateTimeOffset DueAt(WorkingDayCalendar calendar, SlaRule rule, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        var received = WorkingTime.Seconds(receivedAt);
        return LocalDays.Instant(rule.Kind == SlaRuleKind.WorkingDays
            ? calendar.LastSecond(calendar.DueDay(received, rule.Days))
            : HoursDue(calendar, rule, received, []));
    }

    /// <summary>
    /// The due time of a form whose clock was paused. Let U(t) be the working time on the rule's
    /// axis from receipt to t that no pause covers (overlapping pauses count once; pause time
    /// before receipt or outside the axis counts nothing). Working-hours rule: the form is due at
    /// the earliest t with U(t) = <see cref="SlaRule.Budget"/>. Working-days rule: let E be the end
    /// of the unpaused due day's working time (24:00, or its partial closure) and C the working
    /// time from receipt to E; T is the earliest t with U(t) = C. When T ends a working day's
    /// working time (always so without pauses) the form is due at local 23:59:59 of that day,
    /// otherwise at T − 1 s, the last second within the budget. Put plainly: the due time moves
    /// later by the working time the pauses overlap between receipt and the moved due time.
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The walk reaches a year not imported.</exception>
    public static DateTimeOffset DueAt(WorkingDayCalendar calendar, SlaRule rule, DateTimeOffset receivedAt, IReadOnlyList<SlaPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        if (pauses.Count == 0)
        {
            return DueAt(calendar, rule, receivedAt);
        }

        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        var received = WorkingTime.Seconds(receivedAt);
        var merged = WorkingTime.Merge(pauses);
        return LocalDays.Instant(rule.Kind == SlaRuleKind.WorkingDays
            ? DaysDue(calendar, rule.Days, received, merged)
            : HoursDue(calendar, rule, received, merged));
    }

    /// <summary>True when the form was finished by its due time (the due second itself is on time).</summary>
    public static bool OnTime(DateTimeOffset finishedAt, DateTimeOffset dueAt) => finishedAt <= dueAt;

    /// <summary>
    /// The office time (working days between <paramref name="dayStart"/> and
    /// <paramref name="dayEnd"/>, cut at partial closures) from <paramref name="now"/> to
    /// <paramref name="dueAt"/>; zero once the form is past due. The same measure serves both
    /// rules for "due within 4 working hours".
    /// </summary>
    public static TimeSpan OfficeTimeUntil(WorkingDayCalendar calendar, TimeOnly dayStart, TimeOnly dayEnd, DateTimeOffset now, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (dayStart >= dayEnd)
        {
            throw new ArgumentException("Office hours start before they end.", nameof(dayEnd));
        }

        var seconds = WorkingTime.Between(
            calendar, WorkingTime.Seconds(dayStart), WorkingTime.Seconds(dayEnd), WorkingTime.Seconds(now), WorkingTime.Seconds(dueAt), []);
        return TimeSpan.FromSeconds(seconds);
    }

    private static long DaysDue(WorkingDayCalendar calendar, int days, long received, WorkingTime.Interval[] pauses)
    {
        var dueDay = calendar.DueDay(received, days);
        var end = calendar.Window(dueDay, 0, LocalDays.SecondsPerDay).To;
        var paused = WorkingTime.Between(calendar, 0, LocalDays.SecondsPerDay, received, end, [])
            - WorkingTime.Between(calendar, 0, LocalDays.SecondsPerDay, received, end, pauses);
        if (paused == 0)
        {
            return calendar.LastSecond(dueDay);
        }

        var (at, day, atWindowEnd) = WorkingTime.Advance(calendar, 0, LocalDays.SecondsPerDay, end, paused, pauses);
        return atWindowEnd ? calendar.LastSecond(day) : at - 1;
    }

    private static long HoursDue(WorkingDayCalendar calendar, SlaRule rule, long received, ReadOnlySpan<WorkingTime.Interval> pauses)
    {
        var (start, end) = (WorkingTime.Seconds(rule.DayStart), WorkingTime.Seconds(rule.DayEnd));
        return WorkingTime.Advance(calendar, start, end, received, (long)(end - start) * rule.Days, pauses).At;
    }
}
