using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability.Probing;

/// The demonstration services of the Cargo Clearance Automation System with a year behind them:
/// a handful of outages, a probe blackout, monthly maintenance (one still ahead), and the hourly
/// and daily roll-ups of their probes. Every monitor probes this server's own health endpoint
/// (Urls or Isms:PublicUrl), so once `isms serve --demo` runs, the year carries on live.
public sealed class AvailabilityDemoData(TimeProvider clock, AgencyTime agency, IConfiguration configuration) : IDemoData
{
    private static readonly (string Name, string NameZh, decimal Target, string Path)[] Services =
    [
        ("Customs-Port-Trade Single Window portal", "關港貿單一窗口", 0.99m, "/health/live?demo=portal"),
        ("Declaration message gateway", "報單訊息閘道", 0.995m, "/health/live?demo=gateway"),
        ("Clearance decision engine", "通關決策引擎", 0.99m, "/health/live?demo=decision"),
        ("Duty payment", "稅費繳納", 0.99m, "/health/live?demo=payment"),
        ("Advance cargo information system", "預報貨物資訊系統", 0.99m, "/health/live?demo=manifest"),
    ];

    public int Order => 400;

    public async Task<bool> SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<AvailabilityService>().AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var start = now.AddDays(-365);
        var baseUrl = (configuration["Isms:PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl
            : (configuration["Urls"] ?? "http://127.0.0.1:5080").Split(';')[0]).TrimEnd('/').Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        var random = new Random(20261201);
        var sql = new ProbeSql(db);
        foreach (var (name, nameZh, target, path) in Services)
        {
            var service = new AvailabilityService { Name = name, NameZh = nameZh, Target = target, CreatedAt = start };
            db.Add(service);
            await db.SaveChangesAsync(cancellationToken);
            var monitor = new ServiceMonitor
            {
                ServiceId = service.Id,
                Name = name + " (demo: this server's health)",
                Kind = MonitorKind.Http,
                Url = baseUrl + path,
                CreatedAt = start,
            };
            db.Add(monitor);
            await db.SaveChangesAsync(cancellationToken);
            var outages = Outages(random, start, now);
            foreach (var (from, to, error) in outages)
            {
                db.Add(new Outage { Source = OutageSource.Detected, MonitorId = monitor.Id, Start = from, End = to, Error = error, Confirmed = true });
            }

            var windows = Maintenance(start, now);
            db.AddRange(windows.Select(w => new MaintenanceWindow
            {
                ServiceId = service.Id,
                Start = w.Start,
                End = w.End,
                AnnouncedAt = w.Start.AddDays(-7),
                Notice = "例行維護 Monthly maintenance: database and operating system patches",
            }));
            await db.SaveChangesAsync(cancellationToken);
            var rows = await db.Set<Outage>().Where(o => o.MonitorId == monitor.Id).Select(o => o.Id).ToListAsync(cancellationToken);
            db.AddRange(rows.Select(id => new OutageService { OutageId = id, ServiceId = service.Id }));
            await db.SaveChangesAsync(cancellationToken);

            // One blackout of the probes (their node was down): unknown, never up. Never in a
            // maintenance window, where it would count as planned time: the day is moved on until
            // it is clear (seeded on some days between 14:20 and 17:00 UTC, it fell in a first Sunday's window).
            var blackout = start.AddDays(200 + random.Next(30)).AddHours(3);
            var gap = new Interval(blackout, blackout.AddMinutes(40));
            while (windows.Any(w => w.Intersect(gap) is not null))
            {
                gap = new Interval(gap.Start.AddDays(1), gap.End.AddDays(1));
            }

            await sql.ExecuteAsync("""INSERT INTO "MonitorGap" ("MonitorId", "Start", "End") VALUES (@m, @s, @e)""", cancellationToken,
                ("@m", monitor.Id), ("@s", sql.Instant(gap.Start)), ("@e", sql.Instant(gap.End)));
            await sql.ExecuteAsync("""
                INSERT INTO "MonitorState" ("MonitorId", "ConsecutiveFailures", "FirstSampleAt", "LastSampleAt", "LastSuccess", "LastLatencyMs", "LastStatusCode", "RolledUpTo")
                VALUES (@m, 0, @first, @last, TRUE, 42, 200, @rolled)
                """, cancellationToken, ("@m", monitor.Id), ("@first", sql.Instant(start)), ("@last", sql.Instant(now)), ("@rolled", sql.Instant(now)));
            var history = new MonitorHistory(Intervals.Subtract(outages.Select(o => new Interval(o.Start, o.End)), [gap]), [gap]);
            await RollupsAsync(sql, monitor.Id, history, new Interval(start, now), random, cancellationToken);
        }

        return true;
    }

    // Five to eight outages a year, from a few minutes to a few hours, at random times.
    private static List<(DateTimeOffset Start, DateTimeOffset End, string Error)> Outages(Random random, DateTimeOffset start, DateTimeOffset now)
    {
        string[] errors = ["HTTP 503", "timed out after 10 s", "ConnectionRefused", "HTTP 502"];
        return Enumerable.Range(0, 5 + random.Next(4))
            .Select(_ => start.AddMinutes(random.Next(60, 364 * 24 * 60)))
            .Order()
            .Select(at => (at, at.AddSeconds(120 + random.Next(3 * 3600)), errors[random.Next(errors.Length)]))
            .ToList();
    }

    // The first Sunday of each month, 02:00–04:00 Taipei, and the next one still ahead.
    private List<Interval> Maintenance(DateTimeOffset start, DateTimeOffset now)
    {
        var windows = new List<Interval>();
        var month = agency.DateAt(start);
        for (var first = new DateOnly(month.Year, month.Month, 1); ; first = first.AddMonths(1))
        {
            var sunday = first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
            var from = agency.StartOf(sunday).AddHours(2);
            if (from < start)
            {
                continue;
            }

            windows.Add(new Interval(from, from.AddHours(2)));
            if (from > now)
            {
                return windows;
            }
        }
    }

    private async Task RollupsAsync(ProbeSql sql, int monitorId, MonitorHistory history, Interval year, Random random, CancellationToken cancellationToken)
    {
        foreach (var size in new[] { RollupSize.Hour, RollupSize.Day })
        {
            var rows = Rollups.Split(history, year, size, agency).Select(bucket =>
            {
                // A probe every 30 s of the time the probes saw; a failed one every 30 s of downtime.
                var probes = (int)((bucket.Seconds - bucket.UnknownSeconds) / 30);
                var latency = 35 + random.Next(40);
                return new MonitorRollup
                {
                    MonitorId = monitorId,
                    Size = size,
                    Start = bucket.Start,
                    Probes = probes,
                    Failures = (int)(bucket.DownSeconds / 30),
                    LatencySumMs = (long)latency * probes,
                    LatencyMaxMs = latency * 4,
                    DownSeconds = (int)bucket.DownSeconds,
                    UnknownSeconds = (int)bucket.UnknownSeconds,
                };
            }).ToList();
            await ProbeRollups.ReplaceAsync(sql, monitorId, size, year.Start, year.End.AddDays(1), rows, cancellationToken);
        }
    }
}
