using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

/// The office calendars shipped in src/Isms.Web/Features/Calendar/Official, embedded in the test
/// assembly, and the Asia/Taipei calendar built from them.
public static class ShippedCalendars
{
    private static readonly Lazy<OfficeCalendarYear> Year2025 = new(() => Read(2025));
    private static readonly Lazy<OfficeCalendarYear> Year2026 = new(() => Read(2026));

    public static TimeZoneInfo Taipei { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    public static OfficeCalendarYear Y2025 => Year2025.Value;

    public static OfficeCalendarYear Y2026 => Year2026.Value;

    public static WorkingDayCalendar Calendar(params Closure[] closures) => new([Y2025, Y2026], closures, Taipei);

    /// A year whose weekdays are all working days, for years the shipped files do not cover.
    public static OfficeCalendarYear Weekdays(int year) =>
        new(Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(offset => new DateOnly(year, 1, 1).AddDays(offset))
            .Select(date => new OfficeDay(date, date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "")));

    public static byte[] Bytes(int year)
    {
        using var stream = typeof(ShippedCalendars).Assembly.GetManifestResourceStream($"calendar.{year}.csv")
            ?? throw new InvalidOperationException($"calendar.{year}.csv is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static OfficeCalendarYear Read(int year)
    {
        var parse = OfficeCalendarFile.Parse(Bytes(year));
        return parse.Calendar ?? throw new InvalidOperationException($"{year}: {string.Join("; ", parse.Errors)}");
    }
}
