using System.Net;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Availability;

/// The probe engine against a real server on 127.0.0.1 (issue 5, tests): a target that answers
/// 200, then 500 for a measured time, then hangs past the timeout, then recovers.
public abstract class ProbeEngineTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : IsmsApp
{
    [Fact]
    public async Task Target_FailsThenHangsThenRecovers_OneOutageOfTheTimeCaused()
    {
        await using var target = await ProbeTarget.StartAsync();
        var service = await Monitors.ServiceAsync(app);
        var monitor = await Monitors.HttpAsync(app, service, target.Url("/scenario"));
        var first = await Monitors.UntilAsync(() => Monitors.StateAsync(app, monitor), s => s is { LastSuccess: true, FirstSampleAt: not null }, "the first successful probe");
        await Task.Delay(3000);

        var broke = TimeProvider.System.GetUtcNow();
        target.Mode = TargetMode.Error;
        await Task.Delay(4000);
        target.Mode = TargetMode.Hang;
        await Task.Delay(3000);
        var recovered = TimeProvider.System.GetUtcNow();
        target.Mode = TargetMode.Ok;

        var outages = await Monitors.UntilAsync(() => Monitors.OutagesAsync(app, monitor), o => o.Count > 0 && o.All(x => x.End is not null), "the outage to close");
        var outage = Assert.Single(outages);
        // Start = the first failing probe, end = the next success: each within one interval (1 s) of
        // the change the test made, plus the second the times are truncated to.
        Assert.InRange(outage.Start, broke.AddSeconds(-1), broke.AddSeconds(2));
        Assert.InRange(outage.End!.Value, recovered.AddSeconds(-1), recovered.AddSeconds(3));
        Assert.Equal("HTTP 500", outage.Error);
        Assert.Equal(OutageSource.Detected, outage.Source);

        var results = await app.QueryAsync(db => db.Set<ProbeResult>().AsNoTracking().Where(r => r.MonitorId == monitor).ToListAsync());
        Assert.Contains(results, r => r.StatusCode == 500 && !r.Success);
        Assert.Contains(results, r => r.Error == "timed out after 1 s");

        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var from = first!.FirstSampleAt!.Value.AddSeconds(1);
        var to = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        using var response = await officer.GetAsync($"/api/v1/availability/services/{service}?from={Monitors.Instant(from)}&to={Monitors.Instant(to)}");
        var figures = await response.ReadAsync<ServiceFiguresResponse>();
        var caused = (recovered - broke).TotalSeconds;
        Assert.InRange(figures.UnplannedDowntimeSeconds, caused - 2, caused + 3);
        Assert.Equal(1, figures.OutageCount);
        Assert.Equal(0, figures.UnknownSeconds);
        var period = (long)(new DateTimeOffset(to.UtcTicks - (to.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            - new DateTimeOffset(from.UtcTicks - (from.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)).TotalSeconds;
        Assert.Equal(1 - ((double)figures.UnplannedDowntimeSeconds / period), figures.Availability!.Value, 9);
        var interval = Assert.Single(figures.OutageIntervals);
        Assert.Equal(figures.UnplannedDowntimeSeconds, interval.Seconds);
    }

    [Fact]
    public async Task SlowTarget_DoesNotDelayTheOthers()
    {
        await using var hanging = await ProbeTarget.StartAsync();
        hanging.Mode = TargetMode.Hang;
        await using var healthy = await ProbeTarget.StartAsync();
        var service = await Monitors.ServiceAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await Monitors.HttpAsync(app, service, hanging.Url($"/hang{i}"), intervalSeconds: 5, timeoutSeconds: 4);
        }

        await Monitors.HttpAsync(app, service, healthy.Url("/fast"));
        await Monitors.UntilAsync(() => Task.FromResult(healthy.Arrivals("/fast").Count), n => n >= 8, "eight probes of the healthy target");
        var arrivals = healthy.Arrivals("/fast");
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        // About every second, whatever the hanging targets do: each holds only its own slot until
        // its 4 s timeout, so a probe waiting on them would show a gap of 4 s. (On a busy machine
        // one turn may come late and the next early: the schedule keeps its phase.)
        Assert.All(gaps, g => Assert.True(g < 2.5, $"a gap of {g:0.00} s: {string.Join(", ", gaps.Select(x => x.ToString("0.00")))}"));
        Assert.InRange((arrivals[^1] - arrivals[0]).TotalSeconds / gaps.Count, 0.8, 1.25);
    }

    [Fact]
    public async Task Heartbeat_StopsThenResumes_OutageOpensAndCloses()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var service = await Monitors.ServiceAsync(app);
        using var created = await officer.PostJsonAsync("/api/v1/availability/monitors", new System.Text.Json.Nodes.JsonObject
        {
            ["serviceId"] = service,
            ["name"] = "batch job heartbeat",
            ["kind"] = "Push",
            ["intervalSeconds"] = 5,
            ["timeoutSeconds"] = 1,
        });
        var monitor = await created.ReadAsync<MonitorResponse>(HttpStatusCode.Created);
        Assert.StartsWith(PushTokens.Prefix, monitor.PushToken);
        var path = monitor.PushPath!.Replace("{token}", monitor.PushToken, StringComparison.Ordinal);
        // Beats every second for the test; the product's least is 5 s.
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Isms.Web.Data.IsmsDbContext>();
            var row = await db.Set<ServiceMonitor>().SingleAsync(m => m.Id == monitor.Id);
            row.IntervalSeconds = 1;
            row.Version++;
            await db.SaveChangesAsync();
        });

        var caller = app.AnonymousClient();
        using var cts = new CancellationTokenSource();
        var beating = true;
        var beats = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                if (beating)
                {
                    using var beat = await caller.PostAsync(path, null);
                    Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
                }

                await Task.Delay(300);
            }
        });

        await Monitors.UntilAsync(() => Monitors.StateAsync(app, monitor.Id), s => s is { LastSuccess: true }, "a successful heartbeat check");
        beating = false;
        var opened = await Monitors.UntilAsync(() => Monitors.OutagesAsync(app, monitor.Id), o => o.Count == 1, "the outage of the missing beats");
        Assert.StartsWith("no heartbeat since", opened[0].Error);
        beating = true;
        await Monitors.UntilAsync(() => Monitors.OutagesAsync(app, monitor.Id), o => o.Count == 1 && o[0].End is not null, "the outage to close");
        await cts.CancelAsync();
        await beats;

        using var wrong = await caller.GetAsync("/api/v1/availability/push/" + PushTokens.NewToken());
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }
}

public sealed class ProbeEngineSqliteTests(EngineSqliteApp app) : ProbeEngineTests<EngineSqliteApp>(app);

public sealed class ProbeEnginePostgresTests(EnginePostgresApp app) : ProbeEngineTests<EnginePostgresApp>(app);
