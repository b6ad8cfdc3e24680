namespace Isms.Core.Calendars;

/// <summary>
/// A time during which a Q&amp;A form's clock stands still (waiting for the requester). Only the
/// working time it overlaps counts, on the axis of the form's rule.
/// </summary>
public sealed record SlaPause
{
    /// <summary>Creates the pause; it ends after it starts.</summary>
    public SlaPause(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("A pause ends after it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>When the clock stops.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the clock runs again.</summary>
    public DateTimeOffset End { get; }
}
