using Isms.Core.Calendars;
using Isms.Web.Features.Calendar;

namespace Isms.Web.Features.ServiceDesk;

/// How far ahead the at-risk view and mail read open forms from the database before checking each
/// one exactly (QaFormReads.Remaining, QaNotifications.AtRiskAsync). A fixed week is not enough:
/// Lunar New Year 2026 has nine days without office hours, and the desk may set up to 80 at-risk
/// hours. The horizon is worked out on the calendars the forms' clocks run on instead.
public static class QaAtRiskHorizon
{
    private const int MaxRuleDays = 3660;

    /// An instant no form due after which has at most atRiskHours of office time left at now, on
    /// the calendar of any of the locations; null when no such instant is worth working out (office
    /// hours of a few seconds), and every open form is to be checked.
    public static DateTimeOffset? Of(CalendarSet calendars, IEnumerable<string?> locations, DateTimeOffset now, TimeOnly dayStart, TimeOnly dayEnd, int atRiskHours)
    {
        // Whole seconds, as SlaClock.OfficeTimeUntil counts office hours.
        var (start, end) = (Whole(dayStart), Whole(dayEnd));
        if (end <= start)
        {
            return null;
        }

        // One office day more than the at-risk hours: the office time up to the horizon is then
        // strictly more than them, so the horizon also lies past a form due in the evening, at the
        // weekend or over the holidays after the at-risk hours are used up (it has exactly those left).
        var days = (int)Math.Ceiling(TimeSpan.FromHours(atRiskHours) / (end - start)) + 1;
        if (days > MaxRuleDays)
        {
            return null;
        }

        var rule = SlaRule.WorkingHoursRule(days, start, end);
        return locations.Select(calendars.For).Distinct().Select(calendar => On(calendar, rule, now)).DefaultIfEmpty(now).Max();
    }

    private static DateTimeOffset On(WorkingDayCalendar calendar, SlaRule rule, DateTimeOffset now)
    {
        try
        {
            return SlaClock.DueAt(calendar, rule, now);
        }
        catch (CalendarYearMissingException missing)
        {
            // Office time cannot be counted into a year that was not imported, so a form due after
            // that year begins is never at risk (it shows as without a calendar); the forms due up
            // to then are still read and checked.
            return new AgencyTime(calendar.Zone).StartOf(new DateOnly(missing.Year, 1, 1));
        }
    }

    private static TimeOnly Whole(TimeOnly time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond));
}
