using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Features.Mail;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Availability;

/// What the apps of the job tests share: a set clock, no engine of their own (the test writes what
/// the probes would have), jobs that wait for the test, and the security office's mailbox.
internal static class JobSettings
{
    public const string Mailbox = "soc@customs.example";

    public static void Configure(IDictionary<string, string?> settings)
    {
        DeskClockApp.Configure(settings);
        settings["Isms:Availability:Engine:Enabled"] = "false";
        settings["Isms:Availability:JobSeconds"] = "100000";
        settings["Isms:Availability:AlertTo"] = Mailbox;
    }
}

public sealed class JobsSqliteApp : SqliteApp
{
    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => JobSettings.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class JobsPostgresApp : PostgresApp
{
    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => JobSettings.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// The alert mails (down, back, certificate, burn rate) and the roll-ups with the raw retention (issue 5).
public abstract class AvailabilityJobsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : IsmsApp
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);

    protected abstract StoppedClock Clock { get; }

    [Fact]
    public async Task Outage_DownMailOnce_BackMailWhenItEnds_BurnRateWhenItLasts()
    {
        var now = new DateTimeOffset(2026, 10, 5, 14, 0, 0, Taipei);
        Clock.Set(now);
        var service = await Monitors.ServiceAsync(app);
        var monitor = await Monitors.HttpAsync(app, service, new Uri("https://portal.customs.example/health"), intervalSeconds: 30, timeoutSeconds: 10);
        var outage = await WriteAsync(async db =>
        {
            var start = now.AddHours(-7);
            db.Add(new MonitorState { MonitorId = monitor, FirstSampleAt = now.AddDays(-2), LastSampleAt = now.AddSeconds(-10), LastSuccess = false, ConsecutiveFailures = 900 });
            var row = new Outage { Source = OutageSource.Detected, MonitorId = monitor, Start = start, Error = "HTTP 503" };
            db.Add(row);
            await db.SaveChangesAsync();
            db.Add(new OutageService { OutageId = row.Id, ServiceId = service });
            await db.SaveChangesAsync();
            return row.Id;
        });

        await RunJobsAsync();
        await RunJobsAsync();
        var mails = await MailsAsync(service);
        var down = Assert.Single(mails, m => m.Reason.StartsWith("availability.down", StringComparison.Ordinal));
        Assert.Contains("07:00:00", down.Body, StringComparison.Ordinal);
        // Seven hours down: over both burn windows (rate 100 against 14.4 and 6).
        Assert.Single(mails, m => m.Reason.StartsWith("availability.burn", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Reason.StartsWith("availability.up", StringComparison.Ordinal));

        await WriteAsync(async db =>
        {
            var row = await db.Set<Outage>().SingleAsync(o => o.Id == outage);
            row.End = now.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        await RunJobsAsync();
        mails = await MailsAsync(service);
        var back = Assert.Single(mails, m => m.Reason.StartsWith("availability.up", StringComparison.Ordinal));
        Assert.Contains("419 ", back.Body, StringComparison.Ordinal);
        Assert.Single(mails, m => m.Reason.StartsWith("availability.down", StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Equal(JobSettings.Mailbox, m.To));
    }

    [Fact]
    public async Task Certificate_WithinTheWarningDays_MailedOnce()
    {
        var now = new DateTimeOffset(2026, 10, 6, 9, 0, 0, Taipei);
        Clock.Set(now);
        var service = await Monitors.ServiceAsync(app);
        var soon = await Monitors.HttpAsync(app, service, new Uri("https://soon.customs.example/"));
        var later = await Monitors.HttpAsync(app, service, new Uri("https://later.customs.example/"));
        await WriteAsync(async db =>
        {
            db.Add(new MonitorState { MonitorId = soon, CertificateExpiresAt = now.AddDays(13) });
            db.Add(new MonitorState { MonitorId = later, CertificateExpiresAt = now.AddDays(15) });
            return await db.SaveChangesAsync();
        });
        await RunJobsAsync();
        await RunJobsAsync();
        var mails = await app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.Reason.StartsWith("availability.certificate")).ToListAsync());
        Assert.Single(mails, m => m.Reason.StartsWith($"availability.certificate {soon} ", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Reason.StartsWith($"availability.certificate {later} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rollups_MinutesHoursDays_SumTheProbes_AndRawResultsExpireAfterTheRetention()
    {
        var start = new DateTimeOffset(2026, 10, 7, 23, 58, 0, Taipei);
        var service = await Monitors.ServiceAsync(app);
        var monitor = await Monitors.HttpAsync(app, service, new Uri("http://gateway.customs.example/"), intervalSeconds: 10, timeoutSeconds: 5);
        // Probes every 10 s for 6 minutes across local midnight; down from 23:59:00 to 00:00:30.
        await WriteAsync(async db =>
        {
            for (var i = 0; i < 36; i++)
            {
                var at = start.AddSeconds(10 * i);
                var down = at >= start.AddMinutes(1) && at < start.AddSeconds(150);
                db.Add(new ProbeResult { MonitorId = monitor, At = at, Success = !down, LatencyMs = down ? 5000 : 20 + i, StatusCode = down ? 503 : 200 });
            }

            db.Add(new MonitorState { MonitorId = monitor, FirstSampleAt = start, LastSampleAt = start.AddSeconds(350), LastSuccess = true });
            db.Add(new Outage { Source = OutageSource.Detected, MonitorId = monitor, Start = start.AddMinutes(1), End = start.AddSeconds(150) });
            return await db.SaveChangesAsync();
        });
        Clock.Set(start.AddMinutes(10));
        await RunJobsAsync();

        var rows = await app.QueryAsync(db => db.Set<MonitorRollup>().AsNoTracking().Where(r => r.MonitorId == monitor).ToListAsync());
        var minutes = rows.Where(r => r.Size == Isms.Core.Availability.RollupSize.Minute).OrderBy(r => r.Start).ToList();
        // Settled up to 10 min − (2 × 10 s) − stale 25 s, floored to the minute: minutes 23:58 … 00:06 (9 of them).
        Assert.Equal(9, minutes.Count);
        Assert.Equal(36, minutes.Sum(m => m.Probes));
        Assert.Equal(9, minutes.Sum(m => m.Failures));
        Assert.Equal(90, minutes.Sum(m => m.DownSeconds));
        Assert.Equal((6, 60), (minutes[1].Probes, minutes[1].DownSeconds));
        Assert.Equal(5000, minutes[1].LatencyMaxMs);
        // After the last probe's 25 s the monitor's state is unknown: 00:04:15 to 00:07:00, minus what is not yet settled.
        Assert.Equal(60 - 15 + 60 + 60, minutes.Sum(m => m.UnknownSeconds));
        var hours = rows.Where(r => r.Size == Isms.Core.Availability.RollupSize.Hour).OrderBy(r => r.Start).ToList();
        Assert.Equal([12, 24], hours.Select(h => h.Probes));
        var days = rows.Where(r => r.Size == Isms.Core.Availability.RollupSize.Day).OrderBy(r => r.Start).ToList();
        Assert.Equal([(new DateTimeOffset(2026, 10, 7, 0, 0, 0, Taipei), 12, 60), (new DateTimeOffset(2026, 10, 8, 0, 0, 0, Taipei), 24, 30)],
            days.Select(d => (d.Start, d.Probes, d.DownSeconds)));

        Clock.Set(start.AddDays(31));
        await RunJobsAsync();
        Assert.Equal(0, await app.QueryAsync(db => db.Set<ProbeResult>().CountAsync(r => r.MonitorId == monitor)));
        var kept = await app.QueryAsync(db => db.Set<MonitorRollup>().AsNoTracking().Where(r => r.MonitorId == monitor).ToListAsync());
        Assert.DoesNotContain(kept, r => r.Size == Isms.Core.Availability.RollupSize.Minute && r.Start < start.AddDays(1));
        Assert.Equal(36, kept.Where(r => r.Size == Isms.Core.Availability.RollupSize.Day).Sum(r => r.Probes));
    }

    private Task RunJobsAsync() => app.Services.GetRequiredService<AvailabilityJobs>().RunOnceAsync(CancellationToken.None);

    private Task<List<OutgoingMail>> MailsAsync(int service) =>
        app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.Reason.StartsWith("availability.") && m.Reason.Contains($" {service} ")).ToListAsync());

    private async Task<T> WriteAsync<T>(Func<IsmsDbContext, Task<T>> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<IsmsDbContext>());
    }
}

public sealed class AvailabilityJobsSqliteTests(JobsSqliteApp app) : AvailabilityJobsTests<JobsSqliteApp>(app)
{
    protected override StoppedClock Clock => ((JobsSqliteApp)App).Clock;

    private IsmsApp App { get; } = app;
}

public sealed class AvailabilityJobsPostgresTests(JobsPostgresApp app) : AvailabilityJobsTests<JobsPostgresApp>(app)
{
    protected override StoppedClock Clock => ((JobsPostgresApp)App).Clock;

    private IsmsApp App { get; } = app;
}
