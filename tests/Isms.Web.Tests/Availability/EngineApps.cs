using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Availability;

/// The probe engine's settings for tests: leases of 3 s (renewed each second) and writes flushed
/// every 200 ms, so that what the engine does shows within a second or two.
internal static class EngineSettings
{
    public static void Configure(IDictionary<string, string?> settings)
    {
        settings["Isms:Availability:Engine:LeaseLength"] = "00:00:03";
        settings["Isms:Availability:Engine:FlushInterval"] = "00:00:00.200";
    }
}

public class EngineSqliteApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings) => EngineSettings.Configure(settings);
}

public class EnginePostgresApp : PostgresApp
{
    protected override void Configure(IDictionary<string, string?> settings) => EngineSettings.Configure(settings);
}

/// A second node on the first one's PostgreSQL database: its own engine, the same monitors.
public sealed class SecondNode(PostgresApp first) : IsmsApp
{
    public override string Provider => "PostgreSQL";

    protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = first.ConnectionString,
        });

    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void Configure(IDictionary<string, string?> settings) => EngineSettings.Configure(settings);
}

/// Services and monitors made for engine tests. Monitors are stored directly, because the tests
/// probe every second and the product's least interval is 5 s.
internal static class Monitors
{
    public static async Task<int> ServiceAsync(IsmsApp app)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostJsonAsync("/api/v1/availability/services", new JsonObject { ["name"] = Api.Unique("Service "), ["target"] = 0.99 });
        return (await response.ReadAsync<ServiceResponse>(HttpStatusCode.Created)).Id;
    }

    public static async Task<int> HttpAsync(IsmsApp app, int serviceId, Uri url, int intervalSeconds = 1, int timeoutSeconds = 1, int failuresToOpen = 2)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var monitor = new ServiceMonitor
        {
            ServiceId = serviceId,
            Name = "probe " + url.AbsolutePath,
            Kind = MonitorKind.Http,
            Url = url.ToString(),
            ExpectedStatus = "200-299",
            IntervalSeconds = intervalSeconds,
            TimeoutSeconds = timeoutSeconds,
            FailuresToOpen = failuresToOpen,
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Add(monitor);
        await db.SaveChangesAsync();
        return monitor.Id;
    }

    public static Task<MonitorState?> StateAsync(IsmsApp app, int monitorId) =>
        app.QueryAsync(db => db.Set<MonitorState>().AsNoTracking().SingleOrDefaultAsync(s => s.MonitorId == monitorId));

    public static Task<List<Outage>> OutagesAsync(IsmsApp app, int monitorId) =>
        app.QueryAsync(db => db.Set<Outage>().AsNoTracking().Where(o => o.MonitorId == monitorId).OrderBy(o => o.Start).ToListAsync());

    /// Waits until the condition holds, or fails saying what was awaited.
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 20)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        T value;
        while (!done(value = await read()))
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"Waited {seconds} s for {what}; last seen: {value}");
            }

            await Task.Delay(200);
        }

        return value;
    }

    public static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
