using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Infrastructure;

/// The real clock plus an offset a test moves forward, for lifetimes of hours.
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// An app on SQLite whose TimeProvider is a ShiftedClock.
public sealed class ShiftedClockApp : SqliteApp
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
