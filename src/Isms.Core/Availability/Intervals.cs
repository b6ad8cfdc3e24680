namespace Isms.Core.Availability;

/// <summary>
/// Set operations on intervals. Every result is merged: sorted by start, no empty interval, and a
/// gap between any two (overlapping and touching intervals are joined, DESIGN.md §2: "overlapping
/// intervals are merged"). Each operation takes O(n log n) for n intervals in, O(n) when they are
/// already a result of this class.
/// </summary>
public static class Intervals
{
    /// <summary>The intervals sorted, with overlapping and touching ones joined and empty ones dropped.</summary>
    public static IReadOnlyList<Interval> Merge(IEnumerable<Interval> intervals) => Set(intervals);

    /// <summary>The intervals merged and cut to <paramref name="period"/>.</summary>
    public static IReadOnlyList<Interval> Clip(IEnumerable<Interval> intervals, Interval period) => ClipSet(Set(intervals), period);

    /// <summary>The time in <paramref name="from"/> that is not in <paramref name="remove"/>.</summary>
    public static IReadOnlyList<Interval> Subtract(IEnumerable<Interval> from, IEnumerable<Interval> remove)
    {
        var (kept, removed) = (Set(from), Set(remove));
        if (kept.Count == 0 || removed.Count == 0)
        {
            return kept;
        }

        var result = new List<Interval>(kept.Count);
        var next = 0;
        foreach (var interval in kept)
        {
            var start = interval.StartSecond;
            while (next < removed.Count && removed[next].EndSecond <= start)
            {
                next++;
            }

            // `next` only skips removed intervals that end before this kept one starts: the others
            // may still reach into the next kept interval.
            for (var index = next; index < removed.Count && removed[index].StartSecond < interval.EndSecond && start < interval.EndSecond; index++)
            {
                if (removed[index].StartSecond > start)
                {
                    result.Add(new Interval(start, removed[index].StartSecond));
                }

                start = Math.Max(start, removed[index].EndSecond);
            }

            if (start < interval.EndSecond)
            {
                result.Add(new Interval(start, interval.EndSecond));
            }
        }

        return IntervalSet.FromMerged(result);
    }

    /// <summary>The time that lies in both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static IReadOnlyList<Interval> Intersect(IEnumerable<Interval> a, IEnumerable<Interval> b)
    {
        var (left, right) = (Set(a), Set(b));
        var result = new List<Interval>();
        for (int i = 0, j = 0; i < left.Count && j < right.Count;)
        {
            var start = Math.Max(left[i].StartSecond, right[j].StartSecond);
            var end = Math.Min(left[i].EndSecond, right[j].EndSecond);
            if (start < end)
            {
                result.Add(new Interval(start, end));
            }

            if (left[i].EndSecond <= right[j].EndSecond)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return IntervalSet.FromMerged(result);
    }

    /// <summary>The time that lies in <paramref name="a"/> or <paramref name="b"/>.</summary>
    public static IReadOnlyList<Interval> Union(IEnumerable<Interval> a, IEnumerable<Interval> b)
    {
        var (left, right) = (Set(a), Set(b));
        return right.Count == 0 ? left : left.Count == 0 ? right : Set(left.Concat(right));
    }

    /// <summary>The seconds covered by the intervals, time covered twice counted once.</summary>
    public static long TotalSeconds(IEnumerable<Interval> intervals) => Set(intervals).TotalSeconds();

    /// <summary>The time in <paramref name="within"/> that no interval covers.</summary>
    public static IReadOnlyList<Interval> Complement(IEnumerable<Interval> intervals, Interval within) =>
        Subtract([within], intervals);

    internal static IntervalSet Set(IEnumerable<Interval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (intervals is IntervalSet set)
        {
            return set;
        }

        var items = intervals.ToArray();
        if (!IsSortedByStart(items))
        {
            Array.Sort(items, static (x, y) => x.StartSecond.CompareTo(y.StartSecond));
        }

        // Joined in place: the write index never passes the read index.
        var count = 0;
        for (var index = 0; index < items.Length; index++)
        {
            var item = items[index];
            if (item.IsEmpty)
            {
                continue;
            }

            if (count > 0 && item.StartSecond <= items[count - 1].EndSecond)
            {
                if (item.EndSecond > items[count - 1].EndSecond)
                {
                    items[count - 1] = new Interval(items[count - 1].StartSecond, item.EndSecond);
                }
            }
            else
            {
                items[count++] = item;
            }
        }

        Array.Resize(ref items, count);
        return IntervalSet.FromMerged(items);
    }

    internal static IntervalSet ClipSet(IntervalSet set, Interval period)
    {
        if (set.Count == 0 || (set[0].StartSecond >= period.StartSecond && set[^1].EndSecond <= period.EndSecond))
        {
            return set;
        }

        var result = new List<Interval>();
        foreach (var interval in set)
        {
            if (interval.StartSecond >= period.EndSecond)
            {
                break;
            }

            var start = Math.Max(interval.StartSecond, period.StartSecond);
            var end = Math.Min(interval.EndSecond, period.EndSecond);
            if (start < end)
            {
                result.Add(new Interval(start, end));
            }
        }

        return IntervalSet.FromMerged(result);
    }

    private static bool IsSortedByStart(Interval[] items)
    {
        for (var index = 1; index < items.Length; index++)
        {
            if (items[index].StartSecond < items[index - 1].StartSecond)
            {
                return false;
            }
        }

        return true;
    }
}
