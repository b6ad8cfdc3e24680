namespace Isms.Core.Availability;

/// <summary>
/// A monitor's or service's seconds in one minute, hour or day: stored instead of the raw samples
/// once they are old, and summed to availability figures without changing them.
/// </summary>
public readonly record struct RollupBucket
{
    /// <summary>Creates the bucket; its down and unknown seconds fit in it and do not overlap.</summary>
    public RollupBucket(DateTimeOffset start, long seconds, long downSeconds, long unknownSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfNegative(downSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(unknownSeconds);
        if (downSeconds + unknownSeconds > seconds)
        {
            throw new ArgumentException("Down and unknown time cannot exceed the bucket.", nameof(unknownSeconds));
        }

        Start = WholeSeconds.Truncate(start);
        Seconds = seconds;
        DownSeconds = downSeconds;
        UnknownSeconds = unknownSeconds;
    }

    /// <summary>The first instant of the bucket, UTC, whole seconds.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The bucket's length; shorter than its size only at the edges of the window.</summary>
    public long Seconds { get; }

    /// <summary>Seconds down in the bucket.</summary>
    public long DownSeconds { get; }

    /// <summary>Seconds with no data in the bucket.</summary>
    public long UnknownSeconds { get; }

    /// <summary>Seconds up in the bucket.</summary>
    public long UpSeconds => Seconds - DownSeconds - UnknownSeconds;
}
