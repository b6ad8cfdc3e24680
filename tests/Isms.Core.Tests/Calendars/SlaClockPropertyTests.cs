using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

/// A location's closures, a rule of each kind, and two receipts (Later at or after Earlier) with
/// pauses near them, in 2025–2026; the calendar goes on into the synthetic 2027 so that no due
/// time runs out of calendar.
public sealed record SlaScenario(Closure[] Closures, SlaRule DaysRule, SlaRule HoursRule, DateTimeOffset Earlier, DateTimeOffset Later, SlaPause[] Pauses)
{
    public WorkingDayCalendar Calendar() =>
        new([ShippedCalendars.Y2025, ShippedCalendars.Y2026, SlaClockOracleTests.Synthetic2027], Closures, ShippedCalendars.Taipei);

    public override string ToString() =>
        $"received {Earlier:O} and {Later:O}; {DaysRule}; {HoursRule}; closed {string.Join(", ", Closures.Select(c => $"{c.Date:yyyy-MM-dd} {c.From}"))}; "
        + $"paused {string.Join(", ", Pauses.Select(p => $"{p.Start:O}/{p.End:O}"))}";
}

/// Scenarios whose closures and pauses lie in the weeks after the earlier receipt, where they
/// change its due times.
public static class SlaArbitraries
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);

    public static Arbitrary<SlaScenario> Scenarios() =>
        (from day in Gen.Choose(new DateOnly(2025, 1, 1).DayNumber, new DateOnly(2026, 12, 31).DayNumber)
         from second in Gen.Frequency((3, Gen.Choose(0, 86_399)), (1, Gen.Elements(0, 1, 30_600, 30_599, 63_000, 62_999, 86_399)))
         from gap in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 60)), (4, Gen.Choose(0, 10 * 86_400)))
         from closureCount in Gen.Choose(0, 12)
         from closures in Gen.ArrayOf(ClosureNear(DateOnly.FromDayNumber(day)), closureCount)
         from days in Gen.Choose(1, 5)
         from hoursRule in HoursRule()
         from pauses in Gen.ArrayOf(PauseNear(new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), Taipei)), 2)
         let earlier = new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), Taipei).AddSeconds(second)
         select new SlaScenario(closures, SlaRule.WorkingDaysRule(days), hoursRule, earlier, earlier.AddSeconds(gap), pauses))
        .ToArbitrary();

    private static Gen<Closure> ClosureNear(DateOnly near) =>
        from offset in Gen.Choose(-2, 20)
        from wholeDay in Gen.Elements(true, false)
        from second in Gen.Choose(1, 86_399)
        select new Closure(near.AddDays(offset), wholeDay ? null : TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second)));

    private static Gen<SlaRule> HoursRule() =>
        Gen.Frequency(
            (2, Gen.Constant(SlaRule.WorkingHoursRule(2, new TimeOnly(8, 30), new TimeOnly(17, 30)))),
            (1, from days in Gen.Choose(1, 4)
                from start in Gen.Choose(0, 86_000)
                from length in Gen.Choose(1, 86_399 - start)
                select SlaRule.WorkingHoursRule(days, TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(start)), TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(start + length)))));

    private static Gen<SlaPause> PauseNear(DateTimeOffset near) =>
        from start in Gen.Choose(-86_400, 8 * 86_400)
        from length in Gen.Choose(1, 2 * 86_400)
        select new SlaPause(near.AddSeconds(start), near.AddSeconds(start + length));
}

// Issue 4, DESIGN.md §2: a later receipt is never due earlier, and a due time is always on a
// working day: the end of it for the working-days rule, within its office hours (their end
// included) for the working-hours rule, with closures of the location.
public sealed class SlaClockPropertyTests
{
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 500)]
    public bool DueAt_DaysRuleLaterReceipt_IsNeverEarlier(SlaScenario scenario)
    {
        var calendar = scenario.Calendar();
        return SlaClock.DueAt(calendar, scenario.DaysRule, scenario.Earlier) <= SlaClock.DueAt(calendar, scenario.DaysRule, scenario.Later);
    }

    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 500)]
    public bool DueAt_HoursRuleLaterReceipt_IsNeverEarlier(SlaScenario scenario)
    {
        var calendar = scenario.Calendar();
        return SlaClock.DueAt(calendar, scenario.HoursRule, scenario.Earlier) <= SlaClock.DueAt(calendar, scenario.HoursRule, scenario.Later);
    }

    // Under the hours rule a pause only takes office time away, the later the receipt the less of
    // the budget is used before the same pause; the days rule gives no such guarantee (a form
    // received inside a pause gets a shorter extension than one received before it).
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 500)]
    public bool DueAt_HoursRuleLaterReceiptWithTheSamePauses_IsNeverEarlier(SlaScenario scenario)
    {
        var calendar = scenario.Calendar();
        return SlaClock.DueAt(calendar, scenario.HoursRule, scenario.Earlier, scenario.Pauses)
            <= SlaClock.DueAt(calendar, scenario.HoursRule, scenario.Later, scenario.Pauses);
    }

    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 500)]
    public bool DueAt_DaysRule_IsTheLastSecondOfTheNthWorkingDayAfterReceipt(SlaScenario scenario)
    {
        var calendar = scenario.Calendar();
        var due = TimeZoneInfo.ConvertTime(SlaClock.DueAt(calendar, scenario.DaysRule, scenario.Earlier), calendar.Zone);
        var (dueDay, receivedDay) = (DateOnly.FromDateTime(due.DateTime), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scenario.Earlier, calendar.Zone).DateTime));
        return due.TimeOfDay == new TimeSpan(23, 59, 59)
            && calendar.IsWorkingDay(dueDay)
            && calendar.WorkingDaysBetween(receivedDay, dueDay) == scenario.DaysRule.Days;
    }

    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 500)]
    public bool DueAt_HoursRule_FallsWithinTheOfficeHoursOfAWorkingDay(SlaScenario scenario)
    {
        var (calendar, rule) = (scenario.Calendar(), scenario.HoursRule);
        var dueAt = SlaClock.DueAt(calendar, rule, scenario.Earlier);
        var due = TimeZoneInfo.ConvertTime(dueAt, calendar.Zone);
        var dueDay = DateOnly.FromDateTime(due.DateTime);
        var closes = calendar.ClosesAt(dueDay) is { } early && early < rule.DayEnd ? early : rule.DayEnd;
        var time = TimeOnly.FromDateTime(due.DateTime);
        return calendar.IsWorkingDay(dueDay)
            && time > rule.DayStart && time <= closes
            && SlaClock.OfficeTimeUntil(calendar, rule.DayStart, rule.DayEnd, scenario.Earlier, dueAt) == rule.Budget;
    }
}
