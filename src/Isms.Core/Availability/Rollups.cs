using Isms.Core.Calendars;

namespace Isms.Core.Availability;

/// <summary>Cuts a history into roll-up buckets whose sums are the history's totals.</summary>
public static class Rollups
{
    /// <summary>
    /// One bucket per minute, hour or local day of <paramref name="window"/>, the first and last
    /// cut at the window's edges. Minutes and hours follow the agency's clock (its UTC offset at
    /// the bucket's start), days its local midnights, so a day with a clock change is 23 or 25
    /// hours long; Asia/Taipei has none.
    /// </summary>
    public static IReadOnlyList<RollupBucket> Split(MonitorHistory history, Interval window, RollupSize size, AgencyTime agency)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(agency);
        var down = Intervals.ClipSet(Intervals.Set(history.Down), window);
        var unknown = Intervals.ClipSet(Intervals.Set(history.Unknown), window);
        var buckets = new List<RollupBucket>();
        var (nextDown, nextUnknown) = (0, 0);
        for (long start = window.StartSecond, end; start < window.EndSecond; start = end)
        {
            end = Math.Min(window.EndSecond, NextBoundary(start, size, agency));
            buckets.Add(new RollupBucket(
                WholeSeconds.At(start), end - start, Overlap(down, ref nextDown, start, end), Overlap(unknown, ref nextUnknown, start, end)));
        }

        return buckets;
    }

    private static long NextBoundary(long second, RollupSize size, AgencyTime agency)
    {
        var instant = WholeSeconds.At(second);
        if (size == RollupSize.Day)
        {
            return WholeSeconds.Of(agency.StartOf(agency.DateAt(instant).AddDays(1)));
        }

        var unit = size == RollupSize.Hour ? 3_600 : 60;
        var local = second + WholeSeconds.Of(agency.Zone.GetUtcOffset(instant));
        return second - (((local % unit) + unit) % unit) + unit;
    }

    // The intervals are sorted and the buckets come in order, so `next` only moves forward; it
    // stays on an interval that reaches into the next bucket.
    private static long Overlap(IntervalSet intervals, ref int next, long start, long end)
    {
        while (next < intervals.Count && intervals[next].EndSecond <= start)
        {
            next++;
        }

        long total = 0;
        for (var index = next; index < intervals.Count && intervals[index].StartSecond < end; index++)
        {
            total += Math.Min(end, intervals[index].EndSecond) - Math.Max(start, intervals[index].StartSecond);
        }

        return total;
    }
}
