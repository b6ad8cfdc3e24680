using Isms.Web.Data;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Availability;

/// Several app nodes on one PostgreSQL share the monitors without probing any twice in one
/// interval, and take over the monitors of a node that stops (issue 5, tests).
public sealed class ProbeLeaseTests : IAsyncLifetime
{
    private const int Count = 6;
    private readonly EnginePostgresApp _first = new();
    private SecondNode _second = null!;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new SecondNode(_first);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task TwoNodes_ShareTheMonitors_NeverProbeOneTwiceInAnInterval_AndOneTakesOverWhenTheOtherStops()
    {
        await using var target = await ProbeTarget.StartAsync();
        var service = await Monitors.ServiceAsync(_first);
        var ids = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add(await Monitors.HttpAsync(_first, service, target.Url($"/m{i}"), intervalSeconds: 2, timeoutSeconds: 1));
        }

        var first = _first.Services.GetRequiredService<ProbeEngine>();
        var second = _second.Services.GetRequiredService<ProbeEngine>();
        await Monitors.UntilAsync(() => Task.FromResult((first.Held.Count, second.Held.Count)), h => h is (Count / 2, Count / 2), "an even share");
        await Task.Delay(8000);
        Assert.Empty(first.Held.Intersect(second.Held));
        Assert.Equal(ids.Order(), first.Held.Concat(second.Held).Order());

        var stopped = TimeSpan.Zero;
        await _first.App.StopAsync();
        stopped = Elapsed(target);
        await Monitors.UntilAsync(() => Task.FromResult(second.Held.Count), n => n == Count, "the second node to hold every monitor", seconds: 15);
        await Task.Delay(6000);

        for (var i = 0; i < Count; i++)
        {
            var arrivals = target.Arrivals($"/m{i}");
            var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
            var seen = string.Join(", ", arrivals.Select(a => a.TotalSeconds.ToString("0.00")));
            // An interval of 2 s: two nodes probing one monitor would show near-simultaneous probes, or
            // three probes within one interval and a bit, and more probes than the time allows. On a
            // busy machine one probe may start up to a second late and the next keeps the phase, so
            // one gap alone may be well short of 2 s.
            Assert.All(gaps, g => Assert.True(g >= 0.5, $"/m{i} was probed {g:0.00} s after the probe before: {seen}"));
            var spans = arrivals.Zip(arrivals.Skip(2), (a, c) => (c - a).TotalSeconds).ToList();
            Assert.All(spans, g => Assert.True(g >= 2.5, $"/m{i} had three probes within {g:0.00} s: {seen}"));
            Assert.True(arrivals.Count <= 1 + ((arrivals[^1] - arrivals[0]).TotalSeconds / 2) + 1, $"/m{i} was probed too often: {seen}");
            Assert.Contains(arrivals, a => a > stopped + TimeSpan.FromSeconds(4));
        }
    }

    [Fact]
    public async Task NodeThatDied_ItsMonitorsAreTakenOverWhenItsLeasesRunOut()
    {
        await using var target = await ProbeTarget.StartAsync();
        var service = await Monitors.ServiceAsync(_first);
        var monitor = await Monitors.HttpAsync(_first, service, target.Url("/orphan"), intervalSeconds: 2, timeoutSeconds: 1);
        // A node that took the lease a moment ago and then died: it renews nothing from now on.
        var until = TimeProvider.System.GetUtcNow().AddSeconds(5);
        await _first.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IsmsDbContext>();
            var sql = db.Database.IsNpgsql();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                INSERT INTO "MonitorState" ("MonitorId", "ConsecutiveFailures", "LeaseOwner", "LeaseUntil") VALUES (@id, 0, 'dead-node', @until)
                ON CONFLICT ("MonitorId") DO UPDATE SET "LeaseOwner" = 'dead-node', "LeaseUntil" = @until
                """;
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = monitor;
            var at = command.CreateParameter();
            at.ParameterName = "@until";
            at.Value = until;
            command.Parameters.Add(id);
            command.Parameters.Add(at);
            await command.ExecuteNonQueryAsync();
            Assert.True(sql);
        });

        await Task.Delay(3000);
        Assert.Empty(target.Arrivals("/orphan"));
        var state = await Monitors.UntilAsync(() => Monitors.StateAsync(_first, monitor), s => s?.LastSampleAt is not null, "a live node to take the monitor over", seconds: 20);
        Assert.NotEqual("dead-node", state!.LeaseOwner);
        Assert.True(state.FirstSampleAt >= until.AddSeconds(-1), $"probed at {state.FirstSampleAt:O}, before the dead node's lease ran out at {until:O}");
    }

    private static TimeSpan Elapsed(ProbeTarget target) =>
        Enumerable.Range(0, Count).SelectMany(i => target.Arrivals($"/m{i}")).DefaultIfEmpty().Max();
}
