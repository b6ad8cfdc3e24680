namespace Isms.Core.Calendars;

/// <summary>
/// A declared closure of one office location (a typhoon day): the whole day when
/// <see cref="From"/> is null, otherwise from that local time to the end of the day.
/// </summary>
public sealed record Closure
{
    /// <summary>
    /// Creates the closure. A partial closure starts after midnight (a closure from 00:00 is a
    /// whole-day closure, given as null) and on a whole second, as every SLA instant is.
    /// </summary>
    public Closure(DateOnly date, TimeOnly? from)
    {
        if (from is { } time)
        {
            if (time == TimeOnly.MinValue)
            {
                throw new ArgumentOutOfRangeException(nameof(from), time, "A closure from midnight closes the whole day: pass null.");
            }

            if (time.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(from), time, "A closure starts on a whole second.");
            }
        }

        Date = date;
        From = from;
    }

    /// <summary>The local date of the closure.</summary>
    public DateOnly Date { get; }

    /// <summary>The local time the office closes, or null when it is closed all day.</summary>
    public TimeOnly? From { get; }

    /// <summary>True when the office is closed the whole day.</summary>
    public bool IsWholeDay => From is null;
}
