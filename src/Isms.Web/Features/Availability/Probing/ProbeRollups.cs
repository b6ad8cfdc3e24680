using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability.Probing;

/// Sums each monitor's probes per minute, then per hour and per agency-local day: how many, how
/// many failed, latency, and the down and unknown seconds its own probes showed. Minutes are done
/// once nothing can change them any more (a failure run still short of N could yet become an
/// outage that starts in them); hours and days are summed again from their minutes, so a partial
/// one is simply completed by a later run. Raw results are deleted after the raw retention
/// (Isms:Availability:RawRetentionDays, 30 by default), minute roll-ups after
/// Isms:Availability:MinuteRetentionDays (7); hours and days stay.
public sealed class ProbeRollups(IsmsDbContext db, AgencyTime agency, TimeProvider clock, IConfiguration configuration)
{
    private static readonly TimeSpan MostPerRun = TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sql = new ProbeSql(db);
        await sql.OpenAsync(cancellationToken);
        var monitors = await db.Set<ServiceMonitor>().AsNoTracking().Where(m => m.IsActive)
            .Join(db.Set<MonitorState>().AsNoTracking(), m => m.Id, s => s.MonitorId, (m, s) => new { m, s })
            .Where(x => x.s.FirstSampleAt != null).ToListAsync(cancellationToken);
        foreach (var (monitor, state) in monitors.Select(x => (x.m, x.s)))
        {
            var spec = ProbeSpec.Of(monitor);
            var from = state.RolledUpTo ?? Floor(state.FirstSampleAt!.Value, TimeSpan.FromMinutes(1));
            var settled = Floor(now - (spec.Interval * spec.FailuresToOpen) - spec.StaleAfter, TimeSpan.FromMinutes(1));
            var to = settled < from + MostPerRun ? settled : from + MostPerRun;
            if (to > from)
            {
                await RollUpAsync(sql, monitor, state, new Interval(from, to), now, cancellationToken);
            }
        }

        await ExpireAsync(sql, now, cancellationToken);
    }

    private async Task RollUpAsync(ProbeSql sql, ServiceMonitor monitor, MonitorState state, Interval window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        var results = await db.Set<ProbeResult>().AsNoTracking().Where(r => r.MonitorId == monitor.Id && r.At >= start && r.At < end)
            .Select(r => new { r.At, r.Success, r.LatencyMs }).ToListAsync(cancellationToken);
        var gaps = await db.Set<MonitorGap>().AsNoTracking().Where(g => g.MonitorId == monitor.Id && g.Start < end && g.End > start)
            .Select(g => new Interval(g.Start, g.End)).ToListAsync(cancellationToken);
        var outages = await db.Set<Outage>().AsNoTracking().Where(o => o.MonitorId == monitor.Id && o.Start < end && (o.End == null || o.End > start))
            .ToListAsync(cancellationToken);
        var history = ServiceHistories.MonitorHistoryOf(monitor, state, gaps, outages, window, now);
        var probes = results.GroupBy(r => Floor(r.At, TimeSpan.FromMinutes(1))).ToDictionary(g => g.Key, g => g.ToList());
        var minutes = Rollups.Split(history, window, RollupSize.Minute, agency).Select(b =>
        {
            var seen = probes.GetValueOrDefault(b.Start) ?? [];
            return new MonitorRollup
            {
                MonitorId = monitor.Id,
                Size = RollupSize.Minute,
                Start = b.Start,
                Probes = seen.Count,
                Failures = seen.Count(r => !r.Success),
                LatencySumMs = seen.Sum(r => (long)r.LatencyMs),
                LatencyMaxMs = seen.Count == 0 ? 0 : seen.Max(r => r.LatencyMs),
                DownSeconds = (int)b.DownSeconds,
                UnknownSeconds = (int)b.UnknownSeconds,
            };
        }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReplaceAsync(sql, monitor.Id, RollupSize.Minute, start, end, minutes, cancellationToken);
        var hourStart = Floor(start, TimeSpan.FromHours(1));
        var hourEnd = Floor(end - TimeSpan.FromTicks(1), TimeSpan.FromHours(1)) + TimeSpan.FromHours(1);
        var hours = await SumAsync(monitor.Id, RollupSize.Minute, hourStart, hourEnd, RollupSize.Hour, t => Floor(t, TimeSpan.FromHours(1)), cancellationToken);
        await ReplaceAsync(sql, monitor.Id, RollupSize.Hour, hourStart, hourEnd, hours, cancellationToken);
        var dayStart = agency.StartOf(agency.DateAt(start));
        var dayEnd = agency.StartOf(agency.DateAt(end - TimeSpan.FromTicks(1)).AddDays(1));
        var days = await SumAsync(monitor.Id, RollupSize.Hour, dayStart, dayEnd, RollupSize.Day, t => agency.StartOf(agency.DateAt(t)), cancellationToken);
        await ReplaceAsync(sql, monitor.Id, RollupSize.Day, dayStart, dayEnd, days, cancellationToken);
        await sql.ExecuteAsync("""UPDATE "MonitorState" SET "RolledUpTo" = @to WHERE "MonitorId" = @m""", cancellationToken, ("@to", sql.Instant(end)), ("@m", monitor.Id));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<List<MonitorRollup>> SumAsync(
        int monitorId, RollupSize from, DateTimeOffset start, DateTimeOffset end, RollupSize size, Func<DateTimeOffset, DateTimeOffset> bucket, CancellationToken cancellationToken) =>
        (await db.Set<MonitorRollup>().AsNoTracking().Where(r => r.MonitorId == monitorId && r.Size == from && r.Start >= start && r.Start < end).ToListAsync(cancellationToken))
            .GroupBy(r => bucket(r.Start))
            .Select(g => new MonitorRollup
            {
                MonitorId = monitorId,
                Size = size,
                Start = g.Key,
                Probes = g.Sum(r => r.Probes),
                Failures = g.Sum(r => r.Failures),
                LatencySumMs = g.Sum(r => r.LatencySumMs),
                LatencyMaxMs = g.Max(r => r.LatencyMaxMs),
                DownSeconds = g.Sum(r => r.DownSeconds),
                UnknownSeconds = g.Sum(r => r.UnknownSeconds),
            }).ToList();

    internal static async Task ReplaceAsync(
        ProbeSql sql, int monitorId, RollupSize size, DateTimeOffset start, DateTimeOffset end, List<MonitorRollup> rows, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync("""DELETE FROM "MonitorRollup" WHERE "MonitorId" = @m AND "Size" = @s AND "Start" >= @from AND "Start" < @to""", cancellationToken,
            ("@m", monitorId), ("@s", (int)size), ("@from", sql.Instant(start)), ("@to", sql.Instant(end)));
        if (sql.IsPostgres)
        {
            await using var copy = sql.Command("""
                INSERT INTO "MonitorRollup" ("MonitorId", "Size", "Start", "Probes", "Failures", "LatencySumMs", "LatencyMaxMs", "DownSeconds", "UnknownSeconds")
                SELECT * FROM unnest(@monitor, @size, @bucket, @probes, @failures, @latencysum, @latencymax, @down, @unknown)
                """);
            ProbeSql.Add(copy, "@monitor", rows.Select(r => r.MonitorId).ToArray());
            ProbeSql.Add(copy, "@size", rows.Select(r => (int)r.Size).ToArray());
            ProbeSql.Add(copy, "@bucket", rows.Select(r => r.Start.ToUniversalTime()).ToArray());
            ProbeSql.Add(copy, "@probes", rows.Select(r => r.Probes).ToArray());
            ProbeSql.Add(copy, "@failures", rows.Select(r => r.Failures).ToArray());
            ProbeSql.Add(copy, "@latencysum", rows.Select(r => r.LatencySumMs).ToArray());
            ProbeSql.Add(copy, "@latencymax", rows.Select(r => r.LatencyMaxMs).ToArray());
            ProbeSql.Add(copy, "@down", rows.Select(r => r.DownSeconds).ToArray());
            ProbeSql.Add(copy, "@unknown", rows.Select(r => r.UnknownSeconds).ToArray());
            await copy.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var insert = sql.Command("""
            INSERT INTO "MonitorRollup" ("MonitorId", "Size", "Start", "Probes", "Failures", "LatencySumMs", "LatencyMaxMs", "DownSeconds", "UnknownSeconds")
            VALUES (@monitor, @size, @bucket, @probes, @failures, @latencysum, @latencymax, @down, @unknown)
            """);
        foreach (var r in rows)
        {
            insert.Parameters.Clear();
            ProbeSql.Add(insert, "@monitor", r.MonitorId);
            ProbeSql.Add(insert, "@size", (int)r.Size);
            ProbeSql.Add(insert, "@bucket", r.Start.UtcTicks);
            ProbeSql.Add(insert, "@probes", r.Probes);
            ProbeSql.Add(insert, "@failures", r.Failures);
            ProbeSql.Add(insert, "@latencysum", r.LatencySumMs);
            ProbeSql.Add(insert, "@latencymax", r.LatencyMaxMs);
            ProbeSql.Add(insert, "@down", r.DownSeconds);
            ProbeSql.Add(insert, "@unknown", r.UnknownSeconds);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // In slices, so that no delete holds the tables long.
    private async Task ExpireAsync(ProbeSql sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = sql.Instant(now - TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Isms:Availability:RawRetentionDays", 30))));
        while (await sql.ExecuteAsync("""DELETE FROM "ProbeResult" WHERE "Id" IN (SELECT "Id" FROM "ProbeResult" WHERE "At" < @before ORDER BY "Id" LIMIT 10000)""",
            cancellationToken, ("@before", before)) > 0)
        {
        }

        var minutesBefore = sql.Instant(now - TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Isms:Availability:MinuteRetentionDays", 7))));
        await sql.ExecuteAsync("""DELETE FROM "MonitorRollup" WHERE "Size" = @s AND "Start" < @before""", cancellationToken, ("@s", (int)RollupSize.Minute), ("@before", minutesBefore));
    }

    private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan unit) => new(at.UtcTicks - (at.UtcTicks % unit.Ticks), TimeSpan.Zero);
}
