using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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

/// The same on PostgreSQL. PostgresApp is sealed, so this one creates and drops its database the
/// same way, on the server named by ISMS_TEST_POSTGRES.
public sealed class DeskClockPostgresApp : IsmsApp
{
    private readonly string _database = "isms_test_" + Guid.NewGuid().ToString("N")[..16];
    private string? _server;

    public StoppedClock Clock { get; } = new();

    public override string Provider => "PostgreSQL";

    protected override void Configure(IDictionary<string, string?> settings) => DeskClockApp.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override async Task<IDictionary<string, string?>> CreateDatabaseAsync()
    {
        _server = PostgresApp.Server;
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = $"{_server};Database={_database}",
        };
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{_server};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
