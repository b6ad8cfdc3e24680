namespace Isms.Core.Availability;

/// <summary>
/// One probe of a monitor: when it ran and whether the service answered as expected. The instant
/// is kept in UTC and truncated to the whole second, like every instant of availability.
/// </summary>
public readonly record struct ProbeSample
{
    /// <summary>Creates the sample.</summary>
    public ProbeSample(DateTimeOffset at, bool success)
    {
        At = WholeSeconds.Truncate(at);
        Success = success;
    }

    /// <summary>When the probe ran, UTC, whole seconds.</summary>
    public DateTimeOffset At { get; }

    /// <summary>True when the probe succeeded.</summary>
    public bool Success { get; }

    /// <summary>Deconstructs into <see cref="At"/> and <see cref="Success"/>.</summary>
    public void Deconstruct(out DateTimeOffset at, out bool success) => (at, success) = (At, Success);
}
