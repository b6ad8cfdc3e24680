using System.Globalization;

namespace Isms.Core.Availability;

/// <summary>
/// A stretch of time [<see cref="Start"/>, <see cref="End"/>) in UTC: an outage, a maintenance
/// window, a reporting period. Availability counts whole seconds (DESIGN.md §2), so both ends are
/// truncated to the second; an instant given with another offset is the same instant in UTC. An
/// empty interval (Start = End) is allowed and is dropped by every <see cref="Intervals"/> operation.
/// </summary>
public readonly record struct Interval
{
    // Kept as UTC seconds: the interval algebra runs over long comparisons, not DateTimeOffset ones.
    private readonly long _start;
    private readonly long _end;

    /// <summary>Creates the interval; it cannot end before it starts.</summary>
    public Interval(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentException($"An interval cannot end ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        _start = WholeSeconds.Of(start);
        _end = WholeSeconds.Of(end);
    }

    internal Interval(long startSecond, long endSecond)
    {
        if (endSecond < startSecond)
        {
            throw new ArgumentException("An interval cannot end before it starts.", nameof(endSecond));
        }

        _start = startSecond;
        _end = endSecond;
    }

    /// <summary>The first instant inside the interval, UTC, whole seconds.</summary>
    public DateTimeOffset Start => WholeSeconds.At(_start);

    /// <summary>The first instant after the interval, UTC, whole seconds.</summary>
    public DateTimeOffset End => WholeSeconds.At(_end);

    /// <summary>The length in seconds.</summary>
    public long Seconds => _end - _start;

    /// <summary>True when the interval holds no time.</summary>
    public bool IsEmpty => _end == _start;

    internal long StartSecond => _start;

    internal long EndSecond => _end;

    /// <summary>The time both intervals share, or null when they share none (touching intervals share none).</summary>
    public Interval? Intersect(Interval other)
    {
        var (start, end) = (Math.Max(_start, other._start), Math.Min(_end, other._end));
        return start < end ? new Interval(start, end) : null;
    }

    /// <summary>True when the instant lies in [Start, End): the end belongs to what comes next.</summary>
    public bool Contains(DateTimeOffset instant)
    {
        var second = WholeSeconds.Of(instant);
        return second >= _start && second < _end;
    }

    /// <summary>Deconstructs into <see cref="Start"/> and <see cref="End"/>.</summary>
    public void Deconstruct(out DateTimeOffset start, out DateTimeOffset end) => (start, end) = (Start, End);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Start:yyyy-MM-ddTHH:mm:ssZ}, {End:yyyy-MM-ddTHH:mm:ssZ})");
}
