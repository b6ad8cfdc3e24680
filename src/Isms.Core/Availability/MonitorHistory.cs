namespace Isms.Core.Availability;

/// <summary>
/// What is known of a monitor, or of a service, over a window: when it was down and when nothing
/// was known. The rest of the window is up. Both lists are merged (<see cref="Intervals"/>) and
/// never overlap, because unknown time is neither up nor down (DESIGN.md §2). Compares by value.
/// </summary>
public sealed record MonitorHistory
{
    /// <summary>Creates the history; the intervals are merged, and down and unknown time must not overlap.</summary>
    public MonitorHistory(IEnumerable<Interval> down, IEnumerable<Interval> unknown)
    {
        var (downSet, unknownSet) = (Intervals.Set(down), Intervals.Set(unknown));
        if (Intervals.Intersect(downSet, unknownSet).Count > 0)
        {
            throw new ArgumentException("Time cannot be down and unknown at once.", nameof(unknown));
        }

        Down = downSet;
        Unknown = unknownSet;
    }

    /// <summary>The time the monitor or service was down, merged and sorted.</summary>
    public IReadOnlyList<Interval> Down { get; }

    /// <summary>The time with no data, merged and sorted; never counted as up.</summary>
    public IReadOnlyList<Interval> Unknown { get; }
}
