using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

// Issue 4: a year without an imported calendar is refused, never counted as plain weekdays.
public sealed class CalendarYearMissingTests
{
    private static readonly WorkingDayCalendar Loaded = ShippedCalendars.Calendar();

    // 2025 and 2027 imported, 2026 not: the gap must not be skipped either.
    private static readonly WorkingDayCalendar WithGap =
        new([ShippedCalendars.Y2025, ShippedCalendars.Weekdays(2027)], [], ShippedCalendars.Taipei);

    public static TheoryData<string, Func<object>, int> Questions => new()
    {
        { "a day of 2027", () => Loaded.IsWorkingDay(new DateOnly(2027, 1, 4)), 2027 },
        { "a day of 2024", () => Loaded.IsWorkingDay(new DateOnly(2024, 12, 31)), 2024 },
        { "closing time in 2027", () => Loaded.ClosesAt(new DateOnly(2027, 1, 4)) ?? default, 2027 },
        { "the working day after the last of 2026", () => Loaded.AddWorkingDays(new DateOnly(2026, 12, 31), 1), 2027 },
        { "working days into 2027", () => Loaded.WorkingDaysBetween(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 5)), 2027 },
        { "working days back into 2024", () => Loaded.WorkingDaysBetween(new DateOnly(2025, 1, 5), new DateOnly(2024, 12, 1)), 2024 },
        { "over a gap year", () => WithGap.AddWorkingDays(new DateOnly(2025, 12, 31), 1), 2026 },
        { "counting over a gap year", () => WithGap.WorkingDaysBetween(new DateOnly(2025, 12, 1), new DateOnly(2027, 1, 5)), 2026 },
        { "received in 2027", () => SlaClock.DueAt(Loaded, SlaRule.WorkingDaysRule(), At("2027-01-04T10:00:00")), 2027 },
        { "received in 2027 local, 2026 in UTC", () => SlaClock.DueAt(Loaded, SlaRule.WorkingDaysRule(), DateTimeOffset.Parse("2026-12-31T16:00:00Z")), 2027 },
        // 2026-12-30 is day 0, 12-31 day 1, and day 2 would be in January 2027.
        { "a due day in 2027", () => SlaClock.DueAt(Loaded, SlaRule.WorkingDaysRule(), At("2026-12-30T10:00:00")), 2027 },
        { "a due time in 2027 (hours)", () => SlaClock.DueAt(Loaded, SlaRule.WorkingHoursRule(2, new(8, 30), new(17, 30)), At("2026-12-31T10:00:00")), 2027 },
        // Due 2026-12-30 23:59:59 unpaused; two paused working days push it past 12-31.
        { "a pause pushing the due time into 2027", () => SlaClock.DueAt(Loaded, SlaRule.WorkingDaysRule(), At("2026-12-28T10:00:00"), [new SlaPause(At("2026-12-29T00:00:00"), At("2026-12-31T00:00:00"))]), 2027 },
        { "office time until a due time in 2027", () => SlaClock.OfficeTimeUntil(Loaded, new(8, 30), new(17, 30), At("2026-12-31T10:00:00"), At("2027-01-04T10:00:00")), 2027 },
        { "a due time over a gap year", () => SlaClock.DueAt(WithGap, SlaRule.WorkingDaysRule(), At("2025-12-31T10:00:00")), 2026 },
        { "no year imported at all", () => new WorkingDayCalendar([], [], ShippedCalendars.Taipei).IsWorkingDay(new DateOnly(2026, 3, 2)), 2026 },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Query_TouchingAYearNotImported_ThrowsNamingThatYear(string _, Func<object> question, int year)
    {
        var missing = Assert.Throws<CalendarYearMissingException>(question);

        Assert.Equal(year, missing.Year);
        Assert.Equal($"no calendar for {year}: import it", missing.Message);
    }

    [Fact]
    public void Queries_InsideImportedYearsAroundAGap_Work()
    {
        Assert.True(WithGap.IsWorkingDay(new DateOnly(2027, 1, 4)));
        Assert.Equal(new DateOnly(2025, 12, 31), WithGap.AddWorkingDays(new DateOnly(2025, 12, 30), 1));
        Assert.Equal(At("2026-12-31T23:59:59"), SlaClock.DueAt(Loaded, SlaRule.WorkingDaysRule(), At("2026-12-29T10:00:00")));
        Assert.Equal(TimeSpan.Zero, SlaClock.OfficeTimeUntil(Loaded, new(8, 30), new(17, 30), At("2027-01-05T10:00:00"), At("2027-01-04T10:00:00")));
    }

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00");
}
