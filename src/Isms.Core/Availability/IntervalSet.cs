using System.Collections;

namespace Isms.Core.Availability;

/// Sorted, non-empty intervals with a gap between each two: what every Intervals operation
/// returns. It is immutable, so merging it again hands it back unchanged, and it compares by
/// value, so that records holding it (MonitorHistory) compare by value too.
internal sealed class IntervalSet : IReadOnlyList<Interval>, IEquatable<IntervalSet>
{
    private readonly Interval[] _items;

    private IntervalSet(Interval[] items) => _items = items;

    public static IntervalSet Empty { get; } = new([]);

    public int Count => _items.Length;

    public Interval this[int index] => _items[index];

    /// Takes intervals already sorted, non-empty and apart; the caller keeps no reference to the array.
    public static IntervalSet FromMerged(Interval[] items) => items.Length == 0 ? Empty : new IntervalSet(items);

    public static IntervalSet FromMerged(List<Interval> items) => items.Count == 0 ? Empty : new IntervalSet([.. items]);

    /// Adds [start, end) to intervals built in order of their starts, joining it to the last one
    /// when they overlap or touch, and dropping it when empty.
    public static void Append(List<Interval> items, long start, long end)
    {
        if (end <= start)
        {
            return;
        }

        if (items.Count > 0 && start <= items[^1].EndSecond)
        {
            if (end > items[^1].EndSecond)
            {
                items[^1] = new Interval(items[^1].StartSecond, end);
            }

            return;
        }

        items.Add(new Interval(start, end));
    }

    public long TotalSeconds()
    {
        long total = 0;
        foreach (var item in _items)
        {
            total += item.Seconds;
        }

        return total;
    }

    public IEnumerator<Interval> GetEnumerator() => ((IEnumerable<Interval>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(IntervalSet? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as IntervalSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => _items.Length == 0 ? "(none)" : string.Join(" ", _items);
}
