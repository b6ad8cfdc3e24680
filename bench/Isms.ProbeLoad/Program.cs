using System.Diagnostics;
using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.ProbeLoad;
using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The availability benchmarks that run inside one process (issue 5; figures in docs/benchmarks.md):
//   storage N   N services with a year behind them: bytes at rest per monitor (target: at most 1 MB a year)
//   figures N   a year's figures of one service and of all N (targets: under 20 ms and, for 100, under 500 ms)
//   ingest N    N raw results written as the engine writes them, in batches (target: 20,000 a second on SQLite)
// Any further arguments are configuration overrides, e.g. --Database:Provider=Postgres.
// The engine's own load (2,000 monitors every 10 s) is bench/probe-bench.sh with Isms.ProbeLoad engine.
if (args.Length >= 1 && args[0] == "engine")
{
    return await EngineLoad.RunAsync(args[1..]);
}

if (args.Length < 2 || args[0] is not ("storage" or "figures" or "ingest") || !int.TryParse(args[1], out var count))
{
    Console.Error.WriteLine("usage: Isms.ProbeLoad storage|figures|ingest COUNT [--Key=value ...] | engine ...");
    return 2;
}

await using var app = IsmsWebApp.Build([.. args[2..], "--Logging:LogLevel:Default=Warning"]);
await DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
var now = TimeProvider.System.GetUtcNow();
var watch = Stopwatch.StartNew();
switch (args[0])
{
    case "storage":
        {
            var empty = await SqliteFileBytesAsync();
            await YearSeed.InsertAsync(app.Services, count, now, CancellationToken.None);
            Console.WriteLine($"seeded {count} services with a year each in {watch.Elapsed.TotalSeconds:0.0} s");
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
            if (db.Database.IsNpgsql())
            {
                foreach (var (table, bytes) in await StorageAsync(db))
                {
                    Console.WriteLine($"{table,-28} {bytes / 1024.0 / count,10:0.0} KiB per monitor");
                }
            }
            else
            {
                // This SQLite has no dbstat: the file's growth after VACUUM, against the empty database.
                var full = await SqliteFileBytesAsync();
                Console.WriteLine($"SQLite file after VACUUM: {(full - empty) / 1024.0 / count:0.0} KiB per monitor (all tables and indexes of the seeded year)");
            }

            break;
        }

    case "figures":
        {
            var ids = await YearSeed.InsertAsync(app.Services, count, now, CancellationToken.None);
            Console.WriteLine($"seeded {count} services with a year each in {watch.Elapsed.TotalSeconds:0.0} s");
            var year = new Interval(now.AddDays(-365), now);
            await TimeAsync("one service, a year", 50, async reads => (await reads.FiguresAsync(ids[0], year, CancellationToken.None))!.Availability);
            await TimeAsync($"all {count} services, a year", 20, async reads => (await reads.AllFiguresAsync(year, CancellationToken.None)).Count);
            break;
        }

    default:
        await IngestAsync(count);
        break;
}

return 0;

async Task TimeAsync(string what, int runs, Func<AvailabilityReads, Task<object?>> read)
{
    var times = new List<double>();
    object? answer = null;
    for (var run = -5; run < runs; run++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<AvailabilityReads>();
        var started = Stopwatch.GetTimestamp();
        answer = await read(reads);
        if (run >= 0)
        {
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    times.Sort();
    Console.WriteLine($"{what}: p50 {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms, max {times[^1]:0.0} ms ({runs} runs; answer {answer})");
}

async Task IngestAsync(int results)
{
    const int monitors = 2_000;
    var tracks = new List<MonitorTrack>();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var service = new AvailabilityService { Name = "ingest " + Guid.NewGuid().ToString("N"), CreatedAt = now };
        db.Add(service);
        await db.SaveChangesAsync();
        var rows = Enumerable.Range(0, monitors).Select(i => new ServiceMonitor { ServiceId = service.Id, Name = $"m{i}", Kind = MonitorKind.Http, Url = "http://127.0.0.1:9/", CreatedAt = now }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        var states = rows.Select(m => new MonitorState { MonitorId = m.Id }).ToList();
        db.AddRange(states);
        await db.SaveChangesAsync();
        tracks.AddRange(rows.Zip(states, (m, s) => new MonitorTrack(ProbeSpec.Of(m), OutageTracker.Start(new MonitorRule(ProbeSpec.Of(m).StaleAfter)), s)));
    }

    foreach (var batchSize in new[] { 200, 1_000, 5_000 })
    {
        var written = 0;
        var started = Stopwatch.GetTimestamp();
        var at = now;
        while (written < results)
        {
            var batch = new ProbeBatch();
            for (var i = 0; i < batchSize; i++)
            {
                var track = tracks[(written + i) % monitors];
                batch.Results.Add(new ProbeOutcome(track.Spec.MonitorId, at.AddMilliseconds(written + i), true, 12 + (i % 40), 200, null));
                track.State.LastSampleAt = at;
                batch.Touched[track.Spec.MonitorId] = track;
            }

            await using var scope = app.Services.CreateAsyncScope();
            await ProbeBatchWrite.SaveAsync(scope.ServiceProvider, batch, CancellationToken.None);
            written += batchSize;
            at = at.AddSeconds(1);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"ingest, batches of {batchSize,5}: {written:N0} results in {seconds:0.00} s = {written / seconds:N0} results/s");
    }
}

async Task<long> SqliteFileBytesAsync()
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
    if (db.Database.IsNpgsql())
    {
        return 0;
    }

    await db.Database.OpenConnectionAsync();
    await using var command = db.Database.GetDbConnection().CreateCommand();
    command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
    await command.ExecuteNonQueryAsync();
    return new FileInfo(db.Database.GetDbConnection().DataSource).Length;
}

static async Task<List<(string Table, long Bytes)>> StorageAsync(IsmsDbContext db)
{
    var tables = new[] { "MonitorRollup", "Outage", "OutageService", "MonitorGap", "MaintenanceWindow", "MonitorState" };
    var sizes = new List<(string, long)>();
    await db.Database.OpenConnectionAsync();
    var connection = db.Database.GetDbConnection();
    if (db.Database.IsNpgsql())
    {
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM ANALYZE";
        await vacuum.ExecuteNonQueryAsync();
    }

    foreach (var table in tables)
    {
        await using var command = connection.CreateCommand();
        // The table with its indexes and TOAST.
        command.CommandText = $"SELECT pg_total_relation_size('\"{table}\"')";
        sizes.Add((table, Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture)));
    }

    sizes.Add(("total", sizes.Sum(s => s.Item2)));
    return sizes;
}
