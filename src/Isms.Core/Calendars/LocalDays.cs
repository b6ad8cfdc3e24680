namespace Isms.Core.Calendars;

/// Consecutive local days of one time zone with their midnights as UTC seconds, worked out once
/// so that instant → local day and local time → instant are array look-ups instead of
/// TimeZoneInfo calls. A day whose UTC offset is the same all day (every day in Asia/Taipei since
/// 1980) converts by adding seconds; a day with an offset change goes back to TimeZoneInfo.
internal sealed class LocalDays
{
    public const int SecondsPerDay = 86_400;

    private readonly TimeZoneInfo _zone;
    private readonly DateOnly _first;
    private readonly long[] _start;
    private readonly bool[] _uniform;

    public LocalDays(TimeZoneInfo zone, DateOnly first, int count)
    {
        _zone = zone;
        _first = first;
        _start = new long[count + 1];
        _uniform = new bool[count];
        for (var day = 0; day <= count; day++)
        {
            _start[day] = ToUtcSeconds(zone, first.AddDays(day).ToDateTime(TimeOnly.MinValue));
        }

        for (var day = 0; day < count; day++)
        {
            _uniform[day] = _start[day + 1] - _start[day] == SecondsPerDay
                && zone.GetUtcOffset(Instant(_start[day])) == zone.GetUtcOffset(Instant(_start[day + 1] - 1));
        }
    }

    public int Count => _uniform.Length;

    /// The UTC second at which the day begins; day Count is the end of the last day.
    public long Start(int day) => _start[day];

    /// The day holding the UTC second, or -1 when it lies outside these days.
    public int IndexOf(long utcSecond)
    {
        var start = _start;
        if (utcSecond < start[0] || utcSecond >= start[^1])
        {
            return -1;
        }

        // Exact for a fixed offset; an offset change moves a midnight by hours, never a whole day.
        var day = (int)Math.Min((utcSecond - start[0]) / SecondsPerDay, start.Length - 2);
        while (start[day] > utcSecond)
        {
            day--;
        }

        while (start[day + 1] <= utcSecond)
        {
            day++;
        }

        return day;
    }

    /// The instant of a local time of the day, in seconds from its midnight (SecondsPerDay is the next midnight).
    public long ToUtc(int day, int secondOfDay)
    {
        if (secondOfDay == SecondsPerDay)
        {
            return _start[day + 1];
        }

        if (_uniform[day])
        {
            return _start[day] + secondOfDay;
        }

        var local = _first.AddDays(day).ToDateTime(TimeOnly.MinValue).AddSeconds(secondOfDay);
        return Math.Clamp(ToUtcSeconds(_zone, local), _start[day], _start[day + 1]);
    }

    public static DateTimeOffset Instant(long utcSecond) => new(utcSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// The local year at an instant, for instants outside the days (only to name a missing year).
    public static int YearAt(TimeZoneInfo zone, long utcSecond) => TimeZoneInfo.ConvertTime(Instant(utcSecond), zone).Year;

    // A local time skipped by a clock change becomes the first minute after the gap (the instant the
    // clock jumped); a local time that occurs twice is taken at its first occurrence.
    private static long ToUtcSeconds(TimeZoneInfo zone, DateTime local)
    {
        if (zone.IsInvalidTime(local))
        {
            local = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            for (var guard = 0; zone.IsInvalidTime(local) && guard < 24 * 60; guard++)
            {
                local = local.AddMinutes(1);
            }
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return (local.Ticks - offset.Ticks) / TimeSpan.TicksPerSecond;
    }
}
