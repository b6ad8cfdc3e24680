namespace Isms.Core.Calendars;

/// Working time on one SLA axis, in UTC seconds: each working day's window between two local times
/// (0 to SecondsPerDay for the working-days rule, office hours for the working-hours rule), cut at
/// the day's partial closure, with paused time taken out. The walks go day by day: a due time is a
/// few days away, and walking keeps a year that was not imported from being skipped silently.
internal static class WorkingTime
{
    /// A pause in UTC seconds; Merge keeps them sorted and apart.
    internal readonly record struct Interval(long Start, long End);

    /// Working seconds in [from, to) outside the pauses.
    public static long Between(WorkingDayCalendar calendar, int startSecond, int endSecond, long from, long to, ReadOnlySpan<Interval> pauses)
    {
        long total = 0;
        if (to <= from)
        {
            return total;
        }

        for (var day = calendar.DayOf(from); calendar.DayStart(day) < to; day++)
        {
            calendar.EnsureImported(day);
            var (windowStart, windowEnd) = calendar.Window(day, startSecond, endSecond);
            var (start, end) = (Math.Max(windowStart, from), Math.Min(windowEnd, to));
            if (end > start)
            {
                total += end - start;
                foreach (var pause in pauses)
                {
                    total -= Math.Max(0, Math.Min(end, pause.End) - Math.Max(start, pause.Start));
                }
            }
        }

        return total;
    }

    /// The earliest instant at which `budget` (> 0) working seconds outside the pauses have passed
    /// since `from`, the day whose window it falls in, and whether it is that window's end.
    public static (long At, int Day, bool AtWindowEnd) Advance(
        WorkingDayCalendar calendar, int startSecond, int endSecond, long from, long budget, ReadOnlySpan<Interval> pauses)
    {
        for (var day = calendar.DayOf(from); ; day++)
        {
            calendar.EnsureImported(day);
            var (windowStart, windowEnd) = calendar.Window(day, startSecond, endSecond);
            var at = Math.Max(windowStart, from);
            while (at < windowEnd)
            {
                var pause = FirstPauseEndingAfter(pauses, at);
                if (pause >= 0 && pauses[pause].Start <= at)
                {
                    // Inside a pause: the clock stands still until it ends.
                    at = Math.Min(windowEnd, pauses[pause].End);
                    continue;
                }

                var runUntil = pause >= 0 ? Math.Min(windowEnd, pauses[pause].Start) : windowEnd;
                if (runUntil - at >= budget)
                {
                    return (at + budget, day, at + budget == windowEnd);
                }

                budget -= runUntil - at;
                at = runUntil;
            }
        }
    }

    /// The pauses sorted, with overlapping or touching ones joined, in whole seconds.
    public static Interval[] Merge(IReadOnlyList<SlaPause> pauses)
    {
        var sorted = pauses.Select(pause => new Interval(Seconds(pause.Start), Seconds(pause.End)))
            .Where(pause => pause.End > pause.Start).OrderBy(pause => pause.Start).ToList();
        var merged = new List<Interval>(sorted.Count);
        foreach (var pause in sorted)
        {
            if (merged.Count > 0 && pause.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, pause.End) };
            }
            else
            {
                merged.Add(pause);
            }
        }

        return [.. merged];
    }

    public static long Seconds(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerSecond;

    public static int Seconds(TimeOnly time) => (int)(time.Ticks / TimeSpan.TicksPerSecond);

    private static int FirstPauseEndingAfter(ReadOnlySpan<Interval> pauses, long at)
    {
        for (var index = 0; index < pauses.Length; index++)
        {
            if (pauses[index].End > at)
            {
                return index;
            }
        }

        return -1;
    }
}
