using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability.Probing;

/// Writes one batch in one transaction: outages through SaveChanges (they are records, audited),
/// results, gaps and monitor state by plain batched commands (measurements).
internal static class ProbeBatchWrite
{
    public static async Task SaveAsync(IServiceProvider services, ProbeBatch batch, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IsmsDbContext>();
        var sql = new ProbeSql(db);
        await sql.OpenAsync(cancellationToken);
        using var turn = sql.IsPostgres ? null : await WriterTurns.EnterAsync(db.Database.GetConnectionString()!, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var created = batch.Opened.Select(o => (Opened: o, Row: new Outage
        {
            Source = OutageSource.Detected,
            MonitorId = o.MonitorId,
            Start = o.Start,
            End = o.ClosedAt,
            Error = o.Error,
        })).ToList();
        db.AddRange(created.Select(c => c.Row));
        var closing = batch.Closed.Where(c => c.Id is not null).ToList();
        var closingIds = closing.Select(c => c.Id!.Value).ToList();
        foreach (var row in await db.Set<Outage>().Where(o => closingIds.Contains(o.Id) && o.End == null).ToListAsync(cancellationToken))
        {
            row.End = closing.First(c => c.Id == row.Id).ClosedAt;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(created.Select(c => new OutageService { OutageId = c.Row.Id, ServiceId = c.Opened.ServiceId }));
        await db.SaveChangesAsync(cancellationToken);
        var ids = created.ToDictionary(c => c.Opened, c => c.Row.Id);

        await InsertResultsAsync(sql, batch.Results, cancellationToken);
        await InsertGapsAsync(sql, batch.Gaps, cancellationToken);
        await UpdateStatesAsync(sql, batch.Touched.Values, ids, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Only now, so that a failed attempt tried again creates the outages again.
        foreach (var (opened, id) in ids)
        {
            opened.Id = id;
        }
    }

    private static async Task InsertResultsAsync(ProbeSql sql, List<ProbeOutcome> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        if (sql.IsPostgres)
        {
            await using var command = sql.Command("""
                INSERT INTO "ProbeResult" ("MonitorId", "At", "Success", "LatencyMs", "StatusCode", "Error")
                SELECT * FROM unnest(@m, @a, @s, @l, @c, @e)
                """);
            ProbeSql.Add(command, "@m", results.Select(r => r.MonitorId).ToArray());
            ProbeSql.Add(command, "@a", results.Select(r => r.At.ToUniversalTime()).ToArray());
            ProbeSql.Add(command, "@s", results.Select(r => r.Success).ToArray());
            ProbeSql.Add(command, "@l", results.Select(r => r.LatencyMs).ToArray());
            ProbeSql.Add(command, "@c", results.Select(r => r.StatusCode).ToArray());
            ProbeSql.Add(command, "@e", results.Select(r => r.Error).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var insert = sql.Command("""
            INSERT INTO "ProbeResult" ("MonitorId", "At", "Success", "LatencyMs", "StatusCode", "Error") VALUES (@m, @a, @s, @l, @c, @e)
            """);
        foreach (var r in results)
        {
            insert.Parameters.Clear();
            ProbeSql.Add(insert, "@m", r.MonitorId);
            ProbeSql.Add(insert, "@a", r.At.UtcTicks);
            ProbeSql.Add(insert, "@s", r.Success);
            ProbeSql.Add(insert, "@l", r.LatencyMs);
            ProbeSql.Add(insert, "@c", r.StatusCode);
            ProbeSql.Add(insert, "@e", r.Error);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertGapsAsync(ProbeSql sql, List<(int MonitorId, DateTimeOffset Start, DateTimeOffset End)> gaps, CancellationToken cancellationToken)
    {
        foreach (var (monitor, start, end) in gaps)
        {
            await sql.ExecuteAsync("""INSERT INTO "MonitorGap" ("MonitorId", "Start", "End") VALUES (@m, @s, @e)""", cancellationToken,
                ("@m", monitor), ("@s", sql.Instant(start)), ("@e", sql.Instant(end)));
        }
    }

    private static async Task UpdateStatesAsync(ProbeSql sql, IEnumerable<MonitorTrack> tracks, Dictionary<OpenedOutage, int> created, CancellationToken cancellationToken)
    {
        var rows = tracks.Select(t => (t.State, Open: t.Open is null ? null : t.Open.Id ?? (created.TryGetValue(t.Open, out var id) ? id : (int?)null))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        if (sql.IsPostgres)
        {
            await using var command = sql.Command("""
                UPDATE "MonitorState" s SET "ConsecutiveFailures" = v.cf, "FirstFailureAt" = v.ff, "OpenOutageId" = v.oo, "FirstSampleAt" = v.fs,
                    "LastSampleAt" = v.ls, "LastSuccess" = v.ok, "LastLatencyMs" = v.lat, "LastStatusCode" = v.sc, "LastError" = v.err,
                    "CertificateExpiresAt" = v.ce
                FROM unnest(@id, @cf, @ff, @oo, @fs, @ls, @ok, @lat, @sc, @err, @ce) AS v(id, cf, ff, oo, fs, ls, ok, lat, sc, err, ce)
                WHERE s."MonitorId" = v.id
                """);
            ProbeSql.Add(command, "@id", rows.Select(r => r.State.MonitorId).ToArray());
            ProbeSql.Add(command, "@cf", rows.Select(r => r.State.ConsecutiveFailures).ToArray());
            ProbeSql.Add(command, "@ff", rows.Select(r => r.State.FirstFailureAt?.ToUniversalTime()).ToArray());
            ProbeSql.Add(command, "@oo", rows.Select(r => r.Open).ToArray());
            ProbeSql.Add(command, "@fs", rows.Select(r => r.State.FirstSampleAt?.ToUniversalTime()).ToArray());
            ProbeSql.Add(command, "@ls", rows.Select(r => r.State.LastSampleAt?.ToUniversalTime()).ToArray());
            ProbeSql.Add(command, "@ok", rows.Select(r => r.State.LastSuccess).ToArray());
            ProbeSql.Add(command, "@lat", rows.Select(r => r.State.LastLatencyMs).ToArray());
            ProbeSql.Add(command, "@sc", rows.Select(r => r.State.LastStatusCode).ToArray());
            ProbeSql.Add(command, "@err", rows.Select(r => r.State.LastError).ToArray());
            ProbeSql.Add(command, "@ce", rows.Select(r => r.State.CertificateExpiresAt?.ToUniversalTime()).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var update = sql.Command("""
            UPDATE "MonitorState" SET "ConsecutiveFailures" = @cf, "FirstFailureAt" = @ff, "OpenOutageId" = @oo, "FirstSampleAt" = @fs,
                "LastSampleAt" = @ls, "LastSuccess" = @ok, "LastLatencyMs" = @lat, "LastStatusCode" = @sc, "LastError" = @err,
                "CertificateExpiresAt" = @ce
            WHERE "MonitorId" = @id
            """);
        foreach (var (state, open) in rows)
        {
            update.Parameters.Clear();
            ProbeSql.Add(update, "@id", state.MonitorId);
            ProbeSql.Add(update, "@cf", state.ConsecutiveFailures);
            ProbeSql.Add(update, "@ff", sql.Instant(state.FirstFailureAt));
            ProbeSql.Add(update, "@oo", open);
            ProbeSql.Add(update, "@fs", sql.Instant(state.FirstSampleAt));
            ProbeSql.Add(update, "@ls", sql.Instant(state.LastSampleAt));
            ProbeSql.Add(update, "@ok", state.LastSuccess);
            ProbeSql.Add(update, "@lat", state.LastLatencyMs);
            ProbeSql.Add(update, "@sc", state.LastStatusCode);
            ProbeSql.Add(update, "@err", state.LastError);
            ProbeSql.Add(update, "@ce", sql.Instant(state.CertificateExpiresAt));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
