using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

// Issue 4: the 2025 and 2026 office calendars shipped with the product.
public sealed class ShippedCalendarTests
{
    [Theory]
    [InlineData(2025, 247)] // 261 weekdays − 15 weekday holidays + the make-up Saturday 2025-02-08
    [InlineData(2026, 245)] // 261 weekdays − 16 weekday holidays, no make-up workday
    public void ShippedFile_Year_HasTheOfficialWorkingDayCount(int year, int workingDays)
    {
        var calendar = year == 2025 ? ShippedCalendars.Y2025 : ShippedCalendars.Y2026;

        Assert.Equal(year, calendar.Year);
        Assert.Equal(workingDays, calendar.WorkingDayCount);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void ShippedFile_Bytes_AreUtf8WithBomInTheOfficialFormat(int year)
    {
        var bytes = ShippedCalendars.Bytes(year);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith(OfficeCalendarYear.Header + "\n", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-08", false, "補行上班")] // the make-up Saturday for 2025-01-27
    [InlineData("2025-01-27", true, "調整放假")] // the Monday before Lunar New Year's Eve, made up on 02-08
    [InlineData("2025-01-28", true, "除夕")]
    [InlineData("2025-02-01", true, "")] // an ordinary Saturday
    [InlineData("2025-10-24", true, "補假")] // for 光復節 on Saturday 10-25
    [InlineData("2025-12-31", false, "")]
    [InlineData("2026-01-01", true, "開國紀念日")]
    [InlineData("2026-02-16", true, "除夕")] // 2026-02-16..20: Lunar New Year, all off
    [InlineData("2026-02-17", true, "春節")]
    [InlineData("2026-02-18", true, "春節")]
    [InlineData("2026-02-19", true, "春節")]
    [InlineData("2026-02-20", true, "補假")] // for 小年夜 on Sunday 02-15
    [InlineData("2026-02-23", false, "")] // back to work
    [InlineData("2026-05-01", true, "勞動節")]
    public void ShippedFile_Day_IsAsPublished(string date, bool dayOff, string remark)
    {
        var day = DateOnly.Parse(date);
        var calendar = day.Year == 2025 ? ShippedCalendars.Y2025 : ShippedCalendars.Y2026;

        Assert.Equal(new OfficeDay(day, dayOff, remark), calendar[day]);
        Assert.Equal(!dayOff, ShippedCalendars.Calendar().IsWorkingDay(day));
    }
}
