using System.Globalization;
using Isms.Core.Availability;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2: all periods are calendar periods in the agency's zone (Asia/Taipei, UTC+8).
public sealed class AgencyPeriodsTests
{
    private static readonly AgencyTime Taipei = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));

    [Fact]
    public void Day_LocalDate_StartsAt1600UtcTheDayBefore() =>
        Assert.Equal(Utc("2026-06-30T16:00:00Z", "2026-07-01T16:00:00Z"), Taipei.Day(new DateOnly(2026, 7, 1)));

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)] // a leap February
    [InlineData(2026, 12, 31)] // December ends at the next year's local midnight
    [InlineData(2026, 4, 30)]
    public void Month_YearAndMonth_HasItsDays(int year, int month, int days)
    {
        var interval = Taipei.Month(year, month);

        Assert.Equal(Taipei.StartOf(new DateOnly(year, month, 1)), interval.Start);
        Assert.Equal(days * 86_400L, interval.Seconds);
    }

    [Theory]
    [InlineData(2026, 1, 15_638_400)] // 181 days: January to June
    [InlineData(2026, 2, 15_897_600)] // 184 days: July to December
    [InlineData(2028, 1, 15_724_800)] // 182 days in a leap year
    public void HalfYear_Half_HasItsDays(int year, int half, long seconds)
    {
        var interval = Taipei.HalfYear(new HalfYear(year, half));

        Assert.Equal(seconds, interval.Seconds);
        Assert.Equal(Taipei.StartOf(new HalfYear(year, half).FirstDay), interval.Start);
    }

    [Theory]
    [InlineData(2026, 31_536_000)]
    [InlineData(2028, 31_622_400)] // a leap year
    [InlineData(2100, 31_536_000)] // a century that is no leap year
    public void Year_Year_HasItsSeconds(int year, long seconds)
    {
        var interval = Taipei.Year(year);

        Assert.Equal(seconds, interval.Seconds);
        Assert.Equal(new DateTimeOffset(year - 1, 12, 31, 16, 0, 0, TimeSpan.Zero), interval.Start);
    }

    [Fact]
    public void Range_FromToInclusive_IncludesBothDays()
    {
        var interval = Taipei.Range(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3));

        Assert.Equal(Utc("2026-06-30T16:00:00Z", "2026-07-03T16:00:00Z"), interval);
    }

    [Fact]
    public void Range_LastDayBeforeFirst_Throws() =>
        Assert.Throws<ArgumentException>(() => Taipei.Range(new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 1)));

    [Fact]
    public void Month_Thirteen_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Taipei.Month(2026, 13));

    [Theory]
    [InlineData(2026)]
    [InlineData(2028)]
    public void Months_OfAYear_TileItWithoutGapOrOverlap(int year)
    {
        var months = Enumerable.Range(1, 12).Select(month => Taipei.Month(year, month)).ToList();

        Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(Taipei.Year(year), new Interval(months[0].Start, months[^1].End));
        Assert.Equal(Taipei.Year(year), new Interval(Taipei.HalfYear(new HalfYear(year, 1)).Start, Taipei.HalfYear(new HalfYear(year, 2)).End));
    }

    private static Interval Utc(string start, string end) =>
        new(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, CultureInfo.InvariantCulture));
}
