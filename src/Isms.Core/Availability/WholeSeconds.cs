namespace Isms.Core.Availability;

/// Availability counts whole seconds (DESIGN.md §2); every instant and length that comes in is
/// truncated here, so that no figure depends on the sub-second jitter of a probe.
internal static class WholeSeconds
{
    public static long Of(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerSecond;

    public static long Of(TimeSpan length) => length.Ticks / TimeSpan.TicksPerSecond;

    public static DateTimeOffset At(long second) => new(second * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public static DateTimeOffset Truncate(DateTimeOffset instant) => At(Of(instant));
}
