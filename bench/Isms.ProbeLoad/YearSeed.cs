using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Availability.Probing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.ProbeLoad;

/// Services with one monitor each and a year behind them, as the engine would have left it: a
/// dozen outages, two probe blackouts, monthly maintenance, hourly and daily roll-ups.
internal static class YearSeed
{
    public static async Task<IReadOnlyList<int>> InsertAsync(IServiceProvider services, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        var random = new Random(5);
        var start = now.AddDays(-365);
        var agency = services.GetRequiredService<AgencyTime>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var service = new AvailabilityService { Name = $"Bench service {i:000} {Guid.NewGuid():N}", CreatedAt = start };
            db.Add(service);
            await db.SaveChangesAsync(cancellationToken);
            var monitor = new ServiceMonitor { ServiceId = service.Id, Name = "bench", Kind = MonitorKind.Http, Url = "http://127.0.0.1:9/", CreatedAt = start };
            db.Add(monitor);
            await db.SaveChangesAsync(cancellationToken);
            var outages = Enumerable.Range(0, 12).Select(_ => start.AddMinutes(random.Next(1, 364 * 1440))).Order()
                .Select(at => new Interval(at, at.AddSeconds(60 + random.Next(7200)))).ToList();
            var rows = outages.Select(o => new Outage { Source = OutageSource.Detected, MonitorId = monitor.Id, Start = o.Start, End = o.End, Error = "HTTP 503" }).ToList();
            db.AddRange(rows);
            for (var m = 0; m < 12; m++)
            {
                var at = start.AddDays((30 * m) + 3).AddHours(2);
                db.Add(new MaintenanceWindow { ServiceId = service.Id, Start = at, End = at.AddHours(2), Notice = "patches", AnnouncedAt = at.AddDays(-7) });
            }

            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(rows.Select(r => new OutageService { OutageId = r.Id, ServiceId = service.Id }));
            var gaps = new[] { start.AddDays(100), start.AddDays(250) }.Select(g => new Interval(g, g.AddMinutes(40))).ToList();
            db.AddRange(gaps.Select(g => new MonitorGap { MonitorId = monitor.Id, Start = g.Start, End = g.End }));
            db.Add(new MonitorState { MonitorId = monitor.Id, FirstSampleAt = start, LastSampleAt = now, LastSuccess = true, RolledUpTo = now });
            await db.SaveChangesAsync(cancellationToken);

            var history = new MonitorHistory(Intervals.Subtract(outages, gaps), gaps);
            var sql = new ProbeSql(db);
            foreach (var size in new[] { RollupSize.Hour, RollupSize.Day })
            {
                var buckets = Rollups.Split(history, new Interval(start, now), size, agency).Select(b => new MonitorRollup
                {
                    MonitorId = monitor.Id,
                    Size = size,
                    Start = b.Start,
                    Probes = (int)((b.Seconds - b.UnknownSeconds) / 30),
                    Failures = (int)(b.DownSeconds / 30),
                    LatencySumMs = 40 * ((b.Seconds - b.UnknownSeconds) / 30),
                    LatencyMaxMs = 160,
                    DownSeconds = (int)b.DownSeconds,
                    UnknownSeconds = (int)b.UnknownSeconds,
                }).ToList();
                await ProbeRollups.ReplaceAsync(sql, monitor.Id, size, start, now.AddDays(1), buckets, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            ids.Add(service.Id);
        }

        return ids;
    }
}
