using FsCheck.Xunit;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

public sealed class RocYearTests
{
    [Theory]
    [InlineData(2026, 115)] // the year of the first release
    [InlineData(1912, 1)] // the founding year is 民國 1
    [InlineData(2000, 89)]
    public void FromGregorian_Year_IsTheRocYear(int gregorian, int roc) =>
        Assert.Equal(roc, RocYear.FromGregorian(gregorian));

    [Theory]
    [InlineData(1911)] // the year before the era has no ROC year (there is no 民國 0)
    [InlineData(1)]
    public void FromGregorian_BeforeTheEra_Throws(int gregorian) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RocYear.FromGregorian(gregorian));

    [Theory]
    [InlineData("2026-11-25", "民國115年11月25日")]
    [InlineData("1912-01-01", "民國1年1月1日")] // no leading zeros in month or day
    [InlineData("2026-07-05", "民國115年7月5日")]
    public void FormatDate_Date_IsWrittenWithTheRocYear(string date, string expected) =>
        Assert.Equal(expected, RocYear.FormatDate(DateOnly.Parse(date)));

    [Fact]
    public void FormatDateTime_LocalTime_AddsHoursAndMinutes() =>
        Assert.Equal("民國115年11月25日 14:05", RocYear.FormatDateTime(new DateTime(2026, 11, 25, 14, 5, 59)));

    [Property]
    public bool FromGregorian_AnyYearOfTheEra_Adds1911Back(ushort offset)
    {
        var year = RocYear.EraStart + (offset % 8000);
        return RocYear.FromGregorian(year) + 1911 == year;
    }
}
