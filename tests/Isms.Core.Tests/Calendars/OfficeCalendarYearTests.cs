using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

public sealed class OfficeCalendarYearTests
{
    private static IEnumerable<OfficeDay> Year(int year) =>
        Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(offset => new DateOnly(year, 1, 1).AddDays(offset))
            .Select(date => new OfficeDay(date, date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, ""));

    [Fact]
    public void Constructor_EveryDayOfALeapYear_CountsItsWeekdays()
    {
        var year = new OfficeCalendarYear(Year(2028));

        Assert.Equal(2028, year.Year);
        Assert.Equal(366, year.Days.Count);
        Assert.Equal(260, year.WorkingDayCount); // 2028 starts on a Saturday: 52 weeks and a Sat + Sun
    }

    public static TheoryData<string, OfficeDay[]> BadYears => new()
    {
        { "no day", [] },
        { "a day missing", Year(2025).Where(day => day.Date != new DateOnly(2025, 6, 1)).ToArray() },
        { "a day twice", Year(2025).Append(new OfficeDay(new DateOnly(2025, 12, 31), true, "")).ToArray() },
        { "not starting on 1 January", Year(2025).Skip(1).ToArray() },
        { "stopping before 31 December", Year(2025).SkipLast(1).ToArray() },
        { "two years", Year(2025).Concat(Year(2026)).ToArray() },
        { "out of order", Year(2025).Reverse().ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadYears))]
    public void Constructor_NotExactlyOneYearInOrder_Throws(string _, OfficeDay[] days) =>
        Assert.Throws<ArgumentException>(() => new OfficeCalendarYear(days));

    [Theory]
    [InlineData("a,b")] // would split the CSV field
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines")]
    public void OfficeDay_RemarkThatBreaksTheFile_Throws(string remark) =>
        Assert.Throws<ArgumentException>(() => new OfficeDay(new DateOnly(2025, 1, 1), true, remark));

    [Fact]
    public void Indexer_DateOfAnotherYear_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShippedCalendars.Y2025[new DateOnly(2026, 1, 1)]);

    [Fact]
    public void ToCsv_Year_StartsWithTheHeaderAndOneLinePerDay()
    {
        var lines = ShippedCalendars.Y2025.ToCsv().Split('\n');

        Assert.Equal(OfficeCalendarYear.Header, lines[0]);
        Assert.Equal("20250101,三,2,開國紀念日", lines[1]);
        Assert.Equal("20250208,六,0,補行上班", lines[39]);
        Assert.Equal("20251231,三,0,", lines[365]);
        Assert.Equal("", lines[366]); // the last line ends in LF too
    }
}
