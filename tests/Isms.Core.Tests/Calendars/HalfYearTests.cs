using FsCheck.Xunit;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

public sealed class HalfYearTests
{
    [Theory]
    [InlineData("2026-01-01", 2026, 1)] // first day of the year is H1
    [InlineData("2026-06-30", 2026, 1)] // last day of H1 (DESIGN.md §2: H1 ends 30 June)
    [InlineData("2026-07-01", 2026, 2)] // first day of H2
    [InlineData("2026-12-31", 2026, 2)] // last day of the year is H2
    [InlineData("2024-02-29", 2024, 1)] // a leap day
    [InlineData("0001-01-01", 1, 1)] // the smallest date
    [InlineData("9999-12-31", 9999, 2)] // the largest date
    public void Of_Date_IsTheHalfYearItFallsIn(string date, int year, int half) =>
        Assert.Equal(new HalfYear(year, half), HalfYear.Of(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2026, 1, "2026-01-01", "2026-06-30")]
    [InlineData(2026, 2, "2026-07-01", "2026-12-31")]
    [InlineData(2024, 1, "2024-01-01", "2024-06-30")] // a leap year changes nothing: H1 still ends 30 June
    public void FirstDayLastDay_HalfYear_AreItsBounds(int year, int half, string first, string last)
    {
        var halfYear = new HalfYear(year, half);

        Assert.Equal(DateOnly.Parse(first), halfYear.FirstDay);
        Assert.Equal(DateOnly.Parse(last), halfYear.LastDay);
    }

    [Theory]
    [InlineData(2026, 1, "2026-01-01", true)] // first day inside
    [InlineData(2026, 1, "2026-06-30", true)] // last day inside
    [InlineData(2026, 1, "2026-07-01", false)] // the day after
    [InlineData(2026, 1, "2025-12-31", false)] // the day before
    [InlineData(2026, 2, "2026-07-01", true)]
    [InlineData(2026, 2, "2026-12-31", true)]
    [InlineData(2026, 2, "2027-01-01", false)]
    [InlineData(2026, 2, "2025-08-01", false)] // same half, other year
    public void Contains_Date_TrueOnlyInsideTheBounds(int year, int half, string date, bool expected) =>
        Assert.Equal(expected, new HalfYear(year, half).Contains(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2026, 1, 2025, 2, 2026, 2)] // H1 steps back over the year boundary
    [InlineData(2026, 2, 2026, 1, 2027, 1)] // H2 steps forward over the year boundary
    public void PreviousNext_HalfYear_AreTheNeighbours(int year, int half, int prevYear, int prevHalf, int nextYear, int nextHalf)
    {
        var halfYear = new HalfYear(year, half);

        Assert.Equal(new HalfYear(prevYear, prevHalf), halfYear.Previous());
        Assert.Equal(new HalfYear(nextYear, nextHalf), halfYear.Next());
    }

    [Theory]
    [InlineData(2026, 0)] // halves are numbered 1 and 2
    [InlineData(2026, 3)]
    [InlineData(2026, -1)]
    [InlineData(0, 1)] // DateOnly has no year 0
    [InlineData(10000, 1)] // nor year 10000
    public void Constructor_InvalidYearOrHalf_Throws(int year, int half) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfYear(year, half));

    [Fact]
    public void PreviousNext_AtTheEndsOfTheCalendar_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfYear(1, 1).Previous());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfYear(9999, 2).Next());
    }

    [Fact]
    public void ToString_HalfYear_IsYearDashHalf() => Assert.Equal("2026-H2", new HalfYear(2026, 2).ToString());

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool Of_AnyDate_ContainsThatDateBetweenItsBounds(DateOnly date)
    {
        var halfYear = HalfYear.Of(date);
        return halfYear.Contains(date) && halfYear.FirstDay <= date && date <= halfYear.LastDay;
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool NextPrevious_AnyHalfYear_RoundTrips(DateOnly date)
    {
        var halfYear = HalfYear.Of(date);
        var hasNext = halfYear != new HalfYear(9999, 2);
        var hasPrevious = halfYear != new HalfYear(1, 1);
        return (!hasNext || (halfYear.Next().Previous() == halfYear && halfYear.Next().FirstDay == halfYear.LastDay.AddDays(1)))
            && (!hasPrevious || (halfYear.Previous().Next() == halfYear && halfYear.Previous().LastDay == halfYear.FirstDay.AddDays(-1)));
    }
}
