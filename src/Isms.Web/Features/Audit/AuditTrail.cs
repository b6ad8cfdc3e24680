using Isms.Core.Audit;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

/// Extends the chain inside the caller's transaction: locks the head row, links the new entries
/// to it, and stages them and the new head for the same save. Because the head is locked (on
/// PostgreSQL with FOR UPDATE; on SQLite the write transaction already excludes other writers) and
/// its update also checks the sequence it read, two writers can never both append entry n+1.
public sealed class AuditTrail(AuditKeys keys, AuditActors actors, TimeProvider clock)
{
    private const string HeadSql = "SELECT \"Id\", \"Sequence\", \"Hash\" FROM \"AuditHead\" WHERE \"Id\" = 1";

    public async Task<IReadOnlyList<object>> StageAsync(IsmsDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(db, cancellationToken);
        var head = (await HeadQuery(db).ToListAsync(cancellationToken)).Single();
        return Stage(db, head, actor, events);
    }

    public IReadOnlyList<object> StageNow(IsmsDbContext db, IReadOnlyList<AuditEvent> events)
    {
        var actor = actors.Current(db);
        var head = HeadQuery(db).ToList().Single();
        return Stage(db, head, actor, events);
    }

    /// PostgreSQL stores microseconds: the instant is cut to them before it is hashed, so the
    /// stored value hashes the same when it is read back.
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);

    private static IQueryable<AuditHead> HeadQuery(IsmsDbContext db) =>
        db.Set<AuditHead>().FromSqlRaw(db.Database.IsNpgsql() ? HeadSql + " FOR UPDATE" : HeadSql).AsNoTracking();

    private List<object> Stage(IsmsDbContext db, AuditHead head, AuditActor actor, IReadOnlyList<AuditEvent> events)
    {
        var at = Truncate(clock.GetUtcNow());
        var staged = new List<object>(events.Count + 1);
        var previous = head.Hash;
        var sequence = head.Sequence;
        using var chain = new AuditChain(keys.ChainKey);
        foreach (var e in events)
        {
            sequence++;
            var record = AuditEntry.ToRecord(sequence, at, actor.AccountId, actor.Name, actor.PersonId, e.Action, e.EntityType, e.EntityId,
                e.Changes, actor.ClientIp, actor.RequestId);
            var entry = new AuditEntry
            {
                Sequence = sequence,
                At = at,
                ActorAccountId = actor.AccountId,
                ActorName = actor.Name,
                ActorPersonId = actor.PersonId,
                Action = e.Action,
                EntityType = e.EntityType,
                EntityId = e.EntityId,
                Changes = e.Changes,
                ClientIp = actor.ClientIp,
                RequestId = actor.RequestId,
                PreviousHash = previous,
                Hash = chain.Link(previous, record),
            };
            db.Add(entry);
            staged.Add(entry);
            previous = entry.Hash;
        }

        // The head's Sequence is a concurrency token: the UPDATE matches only the head read above.
        var tracked = db.Attach(new AuditHead { Id = AuditHead.SingleId, Sequence = head.Sequence, Hash = head.Hash });
        tracked.Entity.Sequence = sequence;
        tracked.Entity.Hash = previous;
        staged.Add(tracked.Entity);
        return staged;
    }
}
