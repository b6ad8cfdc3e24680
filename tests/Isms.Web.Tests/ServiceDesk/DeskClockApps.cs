using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.ServiceDesk;

/// A clock that stands where the test puts it: the desk's rules turn on the working-day calendar,
/// so a test needs "now" to be a given Friday afternoon, not whenever the suite happens to run.
public sealed class StoppedClock : TimeProvider
{
    private long _utcTicks = TimeProvider.System.GetUtcNow().UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}

/// What the apps below share besides the clock.
internal static class DeskClockApp
{
    /// Sessions that outlive the clock's jumps (years, back and forth), and an at-risk job that
    /// waits for the test instead of running by itself.
    public static void Configure(IDictionary<string, string?> settings)
    {
        settings["Isms:Session:IdleMinutes"] = (60 * 24 * 366 * 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Isms:Session:AbsoluteHours"] = (24 * 366 * 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Isms:ServiceDesk:AlertMinutes"] = "10000";
    }
}

/// An app on SQLite whose clock the test sets.
public sealed class DeskClockSqliteApp : SqliteApp
{
    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => DeskClockApp.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// The same on PostgreSQL.
public sealed class DeskClockPostgresApp : PostgresApp
{
    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => DeskClockApp.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
