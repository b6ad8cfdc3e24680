namespace Isms.Web.Platform.Time;

/// Instants as PostgreSQL keeps them: in whole microseconds, in UTC. An instant cut to this before
/// it is stored (or hashed) reads back from either database exactly as it was.
public static class WholeMicroseconds
{
    public static DateTimeOffset Of(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
