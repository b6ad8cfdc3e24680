using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

// The precomputed day index converts by adding seconds only where a day keeps one UTC offset; a
// day with a clock change (none in Asia/Taipei since 1979) goes back to TimeZoneInfo. Berlin's
// 2025 changes (30 March, 26 October) exercise that path, with every day a working day.
public sealed class SlaClockTimeZoneTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly WorkingDayCalendar EveryDay = new(
        [new OfficeCalendarYear(Enumerable.Range(0, 365).Select(offset => new OfficeDay(new DateOnly(2025, 1, 1).AddDays(offset), false, "")))],
        [],
        Berlin);

    [Theory]
    [InlineData("2025-03-29T12:00:00+01:00", "2025-03-30T21:59:59Z")] // due on the 23-hour day: 23:59:59 CEST
    [InlineData("2025-10-25T12:00:00+02:00", "2025-10-26T22:59:59Z")] // due on the 25-hour day: 23:59:59 CET
    [InlineData("2025-03-30T03:30:00+02:00", "2025-03-31T21:59:59Z")] // received on the 23-hour day, after the change
    public void DueAt_DaysRuleOverAClockChange_EndsAtLocalMidnightMinusOneSecond(string received, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due), SlaClock.DueAt(EveryDay, SlaRule.WorkingDaysRule(1), DateTimeOffset.Parse(received)));

    [Theory]
    // 01:00–04:00 on 30 March is 2 real hours (02:00–03:00 does not exist): 1 hour is left for 31 March.
    [InlineData("2025-03-30T00:00:00+01:00", "2025-03-31T00:00:00Z")]
    // 01:00–04:00 on 26 October is 4 real hours (02:00–03:00 happens twice): the 3 hours end at 03:00 CET.
    [InlineData("2025-10-26T00:00:00+02:00", "2025-10-26T02:00:00Z")]
    public void DueAt_HoursRuleOverAClockChange_CountsRealTime(string received, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due), SlaClock.DueAt(EveryDay, SlaRule.WorkingHoursRule(1, new TimeOnly(1, 0), new TimeOnly(4, 0)), DateTimeOffset.Parse(received)));

    [Fact]
    public void DueAt_ReceivedAtMidnightOfAClockChangeDay_CountsFromThatDay() =>
        Assert.Equal(
            DateTimeOffset.Parse("2025-03-31T21:59:59Z"),
            SlaClock.DueAt(EveryDay, SlaRule.WorkingDaysRule(1), DateTimeOffset.Parse("2025-03-29T23:00:00Z"))); // 00:00 CET on 30 March
}
