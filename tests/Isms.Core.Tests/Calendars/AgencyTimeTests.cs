using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

public sealed class AgencyTimeTests
{
    private static AgencyTime Taipei { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));

    [Theory]
    [InlineData("2026-06-30T16:00:00Z", "2026-07-01")] // local midnight: already the next day in Taipei
    [InlineData("2026-06-30T15:59:59Z", "2026-06-30")] // one second before local midnight
    [InlineData("2026-06-30T00:00:00Z", "2026-06-30")] // UTC midnight is 08:00 local, same date
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")] // the new year starts eight hours before UTC's
    [InlineData("2026-07-01T00:00:00+08:00", "2026-07-01")] // an instant given with an offset means the same instant
    public void DateAt_Instant_IsTheTaipeiCalendarDate(string instant, string date) =>
        Assert.Equal(DateOnly.Parse(date), Taipei.DateAt(DateTimeOffset.Parse(instant)));

    [Theory]
    [InlineData("2026-07-01", "2026-06-30T16:00:00Z")] // 16:00Z of the previous UTC day
    [InlineData("2027-01-01", "2026-12-31T16:00:00Z")]
    [InlineData("2024-03-01", "2024-02-29T16:00:00Z")] // the previous UTC day is a leap day
    public void StartOf_Date_Is1600UtcOfThePreviousDay(string date, string instant)
    {
        var start = Taipei.StartOf(DateOnly.Parse(date));

        Assert.Equal(DateTimeOffset.Parse(instant), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void ToLocal_UtcInstant_HasOffsetPlusEight()
    {
        var local = Taipei.ToLocal(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
        Assert.Equal(new DateTime(2026, 7, 1, 0, 0, 0), local.DateTime);
    }

    [Fact]
    public void Constructor_NullZone_Throws() => Assert.Throws<ArgumentNullException>(() => new AgencyTime(null!));

    // Taiwan last observed daylight saving time in 1979; from 1980 on every local midnight exists once.
    public static Arbitrary<DateOnly> ModernDates() =>
        Gen.Choose(new DateOnly(1980, 1, 2).DayNumber, new DateOnly(2200, 12, 31).DayNumber).Select(DateOnly.FromDayNumber).ToArbitrary();

    [Property(Arbitrary = [typeof(AgencyTimeTests)])]
    public bool StartOf_AnyDate_IsTheFirstInstantOfThatDate(DateOnly date)
    {
        var start = Taipei.StartOf(date);
        return Taipei.DateAt(start) == date
            && Taipei.DateAt(start.AddTicks(-1)) == date.AddDays(-1)
            && Taipei.StartOf(date.AddDays(1)) - start == TimeSpan.FromDays(1);
    }
}
