using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

// Issue 4, DESIGN.md §2: working day = official calendar minus declared closures of the location.
public sealed class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2025-02-08", true)] // the make-up Saturday (補行上班)
    [InlineData("2025-02-15", false)] // an ordinary Saturday
    [InlineData("2025-01-27", false)] // a Monday off before Lunar New Year
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)] // 開國紀念日
    [InlineData("2026-02-20", false)] // the last day of the 2026 Lunar New Year break
    [InlineData("2026-02-23", true)]
    public void IsWorkingDay_ShippedCalendars_FollowsTheFiles(string date, bool working) =>
        Assert.Equal(working, ShippedCalendars.Calendar().IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void Closures_OfOneLocation_DoNotChangeAnother()
    {
        var typhoon = new DateOnly(2025, 7, 29);
        var keelung = ShippedCalendars.Calendar(new Closure(typhoon, null));
        var taipei = ShippedCalendars.Calendar();

        Assert.False(keelung.IsWorkingDay(typhoon));
        Assert.True(taipei.IsWorkingDay(typhoon));
    }

    [Fact]
    public void Closure_FromATime_KeepsAWorkingDayThatClosesEarly()
    {
        var calendar = ShippedCalendars.Calendar(new Closure(new DateOnly(2025, 7, 29), new TimeOnly(14, 0)));

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 7, 29)));
        Assert.Equal(new TimeOnly(14, 0), calendar.ClosesAt(new DateOnly(2025, 7, 29)));
        Assert.Null(calendar.ClosesAt(new DateOnly(2025, 7, 30)));
    }

    [Fact]
    public void Closures_OnTheSameDay_CombineWholeDayFirstThenEarliestTime()
    {
        var calendar = ShippedCalendars.Calendar(
            new Closure(new DateOnly(2025, 7, 29), new TimeOnly(15, 0)),
            new Closure(new DateOnly(2025, 7, 29), new TimeOnly(12, 30)), // the earlier time wins
            new Closure(new DateOnly(2025, 7, 30), new TimeOnly(12, 30)),
            new Closure(new DateOnly(2025, 7, 30), null)); // a whole-day closure wins over a partial one

        Assert.Equal(new TimeOnly(12, 30), calendar.ClosesAt(new DateOnly(2025, 7, 29)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 7, 30)));
        Assert.Null(calendar.ClosesAt(new DateOnly(2025, 7, 30)));
    }

    [Fact]
    public void Closure_InAYearNotImported_IsIgnored() =>
        Assert.Equal([2025, 2026], ShippedCalendars.Calendar(new Closure(new DateOnly(2027, 1, 4), null)).Years);

    [Theory]
    [InlineData(0)] // a closure from midnight is a whole-day closure: given as null
    [InlineData(5)] // not a whole second
    public void Closure_InvalidTime_Throws(long ticks) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Closure(new DateOnly(2025, 1, 2), new TimeOnly(ticks)));

    [Theory]
    [InlineData("2025-03-05", 0, "2025-03-05")] // n = 0 on a working day: the day itself
    [InlineData("2025-10-10", 0, "2025-10-13")] // n = 0 on a holiday: the next working day
    [InlineData("2025-03-05", 1, "2025-03-06")]
    [InlineData("2025-01-24", 1, "2025-02-03")] // over the 2025 Lunar New Year break
    [InlineData("2025-02-07", 1, "2025-02-08")] // the make-up Saturday is a working day
    [InlineData("2025-12-31", 1, "2026-01-02")] // over the year end and 開國紀念日
    [InlineData("2026-02-13", 1, "2026-02-23")] // over the 2026 Lunar New Year break
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2025-01-01", 247, "2025-12-31")] // the last working day of 2025 is its 247th
    public void AddWorkingDays_DateAndCount_IsThatWorkingDay(string date, int n, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ShippedCalendars.Calendar().AddWorkingDays(DateOnly.Parse(date), n));

    [Theory]
    [InlineData("2025-01-24", "2025-02-03", 1)] // only 02-03 counts: from is excluded, the break is off
    [InlineData("2025-02-03", "2025-01-24", -1)] // the other way round
    [InlineData("2025-03-05", "2025-03-05", 0)]
    [InlineData("2025-01-01", "2025-12-31", 247)] // every working day of 2025
    [InlineData("2025-12-31", "2026-12-31", 245)] // every working day of 2026
    public void WorkingDaysBetween_TwoDates_CountsWorkingDaysAfterFromUpToTo(string from, string to, int expected) =>
        Assert.Equal(expected, ShippedCalendars.Calendar().WorkingDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void AddWorkingDays_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShippedCalendars.Calendar().AddWorkingDays(new DateOnly(2025, 3, 5), -1));

    [Fact]
    public void Constructor_SameYearTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([ShippedCalendars.Y2025, ShippedCalendars.Y2025], [], ShippedCalendars.Taipei));

    [Fact]
    public void Years_GivenOutOfOrder_AreListedInOrder()
    {
        var calendar = new WorkingDayCalendar([ShippedCalendars.Y2026, ShippedCalendars.Y2025], [], ShippedCalendars.Taipei);

        Assert.Equal([2025, 2026], calendar.Years);
        Assert.True(calendar.HasYear(2026));
        Assert.False(calendar.HasYear(2027));
    }
}
