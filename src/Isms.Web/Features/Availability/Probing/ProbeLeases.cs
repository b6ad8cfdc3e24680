using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability.Probing;

/// A monitor this node holds, with the state the last holder left.
public sealed record HeldMonitor(ProbeSpec Spec, MonitorState State, bool HadOwner);

/// Shares the monitors among the nodes running the engine on one database. Each node holds a lease
/// per monitor, renews its leases every few seconds and takes its even share (active monitors ÷
/// live nodes) of those free or expired; a node that dies stops renewing, so its monitors are
/// taken over once its leases run out.
internal sealed class ProbeLeases(IsmsDbContext db)
{
    private readonly ProbeSql _sql = new(db);

    public async Task<IReadOnlyList<HeldMonitor>> RefreshAsync(string node, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken)
    {
        await _sql.OpenAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var until = _sql.Instant(now + length);
        var at = _sql.Instant(now);
        await _sql.ExecuteAsync("""
            INSERT INTO "MonitorState" ("MonitorId", "ConsecutiveFailures")
            SELECT m."Id", 0 FROM "ServiceMonitor" m WHERE NOT EXISTS (SELECT 1 FROM "MonitorState" s WHERE s."MonitorId" = m."Id")
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        await _sql.ExecuteAsync("""
            INSERT INTO "ProbeNode" ("Id", "SeenAt") VALUES (@node, @now)
            ON CONFLICT ("Id") DO UPDATE SET "SeenAt" = excluded."SeenAt"
            """, cancellationToken, ("@node", node), ("@now", at));
        await _sql.ExecuteAsync("""DELETE FROM "ProbeNode" WHERE "SeenAt" < @old""", cancellationToken, ("@old", _sql.Instant(now - (length * 10))));
        var live = Math.Max(1, await _sql.ScalarAsync("""SELECT COUNT(*) FROM "ProbeNode" WHERE "SeenAt" > @since""", cancellationToken, ("@since", _sql.Instant(now - length))));
        var active = await _sql.ScalarAsync("""SELECT COUNT(*) FROM "ServiceMonitor" WHERE "IsActive" """, cancellationToken);
        var share = (active + live - 1) / live;

        await _sql.ExecuteAsync("""
            UPDATE "MonitorState" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL
            WHERE "LeaseOwner" = @node AND "MonitorId" IN (SELECT "Id" FROM "ServiceMonitor" WHERE NOT "IsActive")
            """, cancellationToken, ("@node", node));
        await _sql.ExecuteAsync("""UPDATE "MonitorState" SET "LeaseUntil" = @until WHERE "LeaseOwner" = @node AND "LeaseUntil" > @now""",
            cancellationToken, ("@node", node), ("@until", until), ("@now", at));
        var held = await _sql.ScalarAsync("""SELECT COUNT(*) FROM "MonitorState" WHERE "LeaseOwner" = @node AND "LeaseUntil" > @now""",
            cancellationToken, ("@node", node), ("@now", at));
        if (held > share)
        {
            await _sql.ExecuteAsync("""
                UPDATE "MonitorState" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL
                WHERE "MonitorId" IN (SELECT "MonitorId" FROM "MonitorState" WHERE "LeaseOwner" = @node ORDER BY "MonitorId" DESC LIMIT @extra)
                """, cancellationToken, ("@node", node), ("@extra", held - share));
        }
        else if (held < share)
        {
            // SKIP LOCKED: two nodes claiming at once each take different free monitors.
            var skipLocked = _sql.IsPostgres ? "FOR UPDATE OF s SKIP LOCKED" : "";
            await _sql.ExecuteAsync($"""
                UPDATE "MonitorState" SET "LeaseOwner" = @node, "LeaseUntil" = @until
                WHERE ("LeaseOwner" IS NULL OR "LeaseUntil" <= @now) AND "MonitorId" IN (
                    SELECT s."MonitorId" FROM "MonitorState" s JOIN "ServiceMonitor" m ON m."Id" = s."MonitorId"
                    WHERE m."IsActive" AND (s."LeaseOwner" IS NULL OR s."LeaseUntil" <= @now)
                    ORDER BY s."MonitorId" LIMIT @missing {skipLocked})
                """, cancellationToken, ("@node", node), ("@until", until), ("@now", at), ("@missing", share - held));
        }

        var monitors = await db.Set<ServiceMonitor>().AsNoTracking()
            .Join(db.Set<MonitorState>().AsNoTracking(), m => m.Id, s => s.MonitorId, (m, s) => new { m, s })
            .Where(x => x.s.LeaseOwner == node && x.m.IsActive)
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return monitors.Select(x => new HeldMonitor(ProbeSpec.Of(x.m), x.s, x.s.LastSampleAt is not null)).ToList();
    }

    public async Task ReleaseAllAsync(string node, CancellationToken cancellationToken)
    {
        await _sql.OpenAsync(cancellationToken);
        await _sql.ExecuteAsync("""UPDATE "MonitorState" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL WHERE "LeaseOwner" = @node""", cancellationToken, ("@node", node));
        await _sql.ExecuteAsync("""DELETE FROM "ProbeNode" WHERE "Id" = @node""", cancellationToken, ("@node", node));
    }

    /// When a heartbeat monitor's service last called in.
    public async Task<DateTimeOffset?> LastBeatAsync(int monitorId, CancellationToken cancellationToken)
    {
        await _sql.OpenAsync(cancellationToken);
        await using var command = _sql.Command("""SELECT "LastBeatAt" FROM "MonitorState" WHERE "MonitorId" = @id""");
        ProbeSql.Add(command, "@id", monitorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? _sql.ReadInstant(reader, 0) : null;
    }

    /// Records a beat. Answers false for an unknown or inactive monitor's token.
    public async Task<bool> BeatAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _sql.OpenAsync(cancellationToken);
        var id = await db.Set<ServiceMonitor>().AsNoTracking().Where(m => m.PushTokenHash == tokenHash && m.IsActive && m.Kind == MonitorKind.Push)
            .Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return false;
        }

        var at = _sql.Instant(now);
        await _sql.ExecuteAsync("""
            INSERT INTO "MonitorState" ("MonitorId", "ConsecutiveFailures", "LastBeatAt") VALUES (@id, 0, @now)
            ON CONFLICT ("MonitorId") DO UPDATE SET "LastBeatAt" = excluded."LastBeatAt"
            """, cancellationToken, ("@id", id.Value), ("@now", at));
        return true;
    }
}
