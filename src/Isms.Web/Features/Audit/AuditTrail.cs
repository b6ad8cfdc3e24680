using System.Data.Common;
using Isms.Core.Audit;
using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Isms.Web.Features.Audit;

/// The end of the chain as read under its lock, and who is writing.
public sealed record LockedHead(AuditHead Head, AuditActor Actor);

/// Extends the chain inside the caller's transaction: locks the head row, links the new entries
/// to it, and stages them and the new head for the same save. Because the head is locked (on
/// PostgreSQL with FOR UPDATE; on SQLite the write transaction already excludes other writers) and
/// its update also checks the sequence it read, two writers can never both append entry n+1.
public sealed class AuditTrail(AuditKeys keys, AuditActors actors, TimeProvider clock)
{
    public async Task<IReadOnlyList<object>> StageAsync(IsmsDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var locked = await LockHeadAsync(db, cancellationToken);
        return Stage(db, locked.Head, locked.Actor, events);
    }

    /// PostgreSQL, for a save in a transaction of its own: links <paramref name="events"/> to the
    /// head this process last wrote and appends them in one statement that also checks and locks the
    /// head; when the head is elsewhere (another node wrote, or this process has not written yet), it
    /// is read under FOR UPDATE and the entries linked again. Then commits.
    /// This process's writers take turns for the statement (WriterTurns), so that at most one of
    /// them waits on the row lock instead of all of them convoying. The turn ends before COMMIT: the
    /// next writer's statement then waits in PostgreSQL for this commit and goes on at once, instead
    /// of starting only after it. It assumes the head this writer is committing; if the commit
    /// fails, the head is not where it assumed, its statement changes nothing and it reads the head.
    public async Task AppendAsync(IsmsDbContext db, IReadOnlyList<AuditEvent> events, Func<Task> commit, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            await commit();
            return;
        }

        var database = db.Database.GetConnectionString()!;
        var (actor, guessed) = await ActorAsync(db, database, guess: true, cancellationToken);
        try
        {
            using (await WriterTurns.EnterAsync("head:" + database, cancellationToken))
            {
                var last = AuditAppend.LastHead(database);
                var entries = last is null ? null : Link(last, actor, events);
                if (last is null || entries is null || !await AuditAppend.TryAppendAsync(db, last, entries, guessed, cancellationToken))
                {
                    if (guessed)
                    {
                        (actor, _) = await ActorAsync(db, database, guess: false, cancellationToken);
                    }

                    var locked = (await LockHeadAsync(db, cancellationToken)).Head;
                    entries = Link(locked, actor, events);
                    if (!await AuditAppend.TryAppendAsync(db, locked, entries, guessedActor: false, cancellationToken))
                    {
                        throw new DbUpdateConcurrencyException("The audit head moved while it was locked.");
                    }
                }

                AuditAppend.Assume(database, new AuditHead { Sequence = entries[^1].Sequence, Hash = entries[^1].Hash });
            }

            await commit();
        }
        catch
        {
            AuditAppend.Forget(database);
            throw;
        }
    }

    /// For a set-based write inside the caller's transaction (AuditedUpdates): locks the head as a
    /// save does. The entries are then linked (CPU only, so it may run beside the write itself) and
    /// written in a few multi-row statements instead of one tracked entity each.
    public async Task<LockedHead> LockHeadAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        var (known, accountId) = actors.Pending();
        await using var command = HeadCommand(db, accountId);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return Locked(reader, await reader.ReadAsync(cancellationToken), known, accountId);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public IReadOnlyList<AuditEntry> Link(LockedHead head, IReadOnlyList<AuditEvent> events) => Link(head.Head, head.Actor, events);

    public static async Task WriteAsync(IsmsDbContext db, LockedHead head, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await SetRows.InsertAsync<AuditEntry>(db, AuditEntry.Columns, entries.Select(e => e.Values()).ToList(), cancellationToken);
        var last = entries[^1];
        var moved = await db.Set<AuditHead>().Where(h => h.Id == AuditHead.SingleId && h.Sequence == head.Head.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, last.Sequence).SetProperty(h => h.Hash, last.Hash), cancellationToken);
        if (moved != 1)
        {
            throw new DbUpdateConcurrencyException("The audit head moved while it was locked.");
        }
    }

    public IReadOnlyList<object> StageNow(IsmsDbContext db, IReadOnlyList<AuditEvent> events)
    {
        var (known, accountId) = actors.Pending();
        using var command = HeadCommand(db, accountId);
        db.Database.OpenConnection();
        try
        {
            using var reader = command.ExecuteReader();
            var locked = Locked(reader, reader.Read(), known, accountId);
            return Stage(db, locked.Head, locked.Actor, events);
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    // The actor, with their person when this request has not asked yet: the person this process
    // last read for the account (a guess, which the append checks), or else read here, outside the
    // head's lock. Only a person read here is remembered for the rest of the request.
    private async Task<(AuditActor Actor, bool Guessed)> ActorAsync(IsmsDbContext db, string database, bool guess, CancellationToken cancellationToken)
    {
        var (known, accountId) = actors.Pending();
        if (known is not null)
        {
            return (known, false);
        }

        if (guess && AuditAppend.TryGuessPerson(database, accountId!.Value, out var guessedPerson))
        {
            return (actors.Guess(accountId.Value, guessedPerson), true);
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var mapping = db.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.AccountId))!.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, "@account", accountId!.Value, nullable: false));
        command.CommandText = "SELECT \"Id\" FROM \"Person\" WHERE \"AccountId\" = @account";
        var read = await command.ExecuteScalarAsync(cancellationToken);
        var person = read is null or DBNull ? (int?)null : Convert.ToInt32(read, System.Globalization.CultureInfo.InvariantCulture);
        AuditAppend.Read(database, accountId.Value, person);
        return (actors.Found(accountId.Value, person), false);
    }

    // The head under its lock (FOR UPDATE on PostgreSQL; SQLite's write transaction excludes other
    // writers), with the actor's person in the same round trip when this request has not asked yet.
    private static DbCommand HeadCommand(IsmsDbContext db, Guid? accountId)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var person = "";
        if (accountId is { } account)
        {
            var mapping = db.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.AccountId))!.GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, "@account", account, nullable: false));
            person = ", (SELECT \"Id\" FROM \"Person\" WHERE \"AccountId\" = @account)";
        }

        command.CommandText = $"SELECT \"Sequence\", \"Hash\"{person} FROM \"AuditHead\" WHERE \"Id\" = {AuditHead.SingleId}{(db.OnSqlite ? "" : " FOR UPDATE")}";
        return command;
    }

    private LockedHead Locked(DbDataReader reader, bool found, AuditActor? known, Guid? accountId)
    {
        if (!found)
        {
            throw new InvalidOperationException("The audit head row is missing: the database was not migrated.");
        }

        var head = new AuditHead { Sequence = reader.GetInt64(0), Hash = (byte[])reader.GetValue(1) };
        return new LockedHead(head, known ?? actors.Found(accountId!.Value,
            reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
    }

    private List<object> Stage(IsmsDbContext db, AuditHead head, AuditActor actor, IReadOnlyList<AuditEvent> events)
    {
        var staged = new List<object>(events.Count + 1);
        foreach (var entry in Link(head, actor, events))
        {
            db.Add(entry);
            staged.Add(entry);
        }

        // The head's Sequence is a concurrency token: the UPDATE matches only the head read above.
        var last = (AuditEntry?)staged.LastOrDefault();
        var tracked = db.Attach(new AuditHead { Id = AuditHead.SingleId, Sequence = head.Sequence, Hash = head.Hash });
        tracked.Entity.Sequence = last?.Sequence ?? head.Sequence;
        tracked.Entity.Hash = last?.Hash ?? head.Hash;
        staged.Add(tracked.Entity);
        return staged;
    }

    private List<AuditEntry> Link(AuditHead head, AuditActor actor, IReadOnlyList<AuditEvent> events)
    {
        var at = WholeMicroseconds.Of(clock.GetUtcNow()); // hashed as it will read back
        var entries = new List<AuditEntry>(events.Count);
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
            entries.Add(entry);
            previous = entry.Hash;
        }

        return entries;
    }
}
