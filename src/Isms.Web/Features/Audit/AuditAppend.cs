using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Isms.Web.Features.Audit;

/// PostgreSQL's append for a save in its own transaction, in one statement: the head moves from
/// the one expected to the last new entry, and the entries are inserted only if it did. Under the
/// head's row lock a write then makes two round trips (this statement and COMMIT) instead of three
/// (read the head FOR UPDATE, write, COMMIT): with 32 writers the lock was held 95 % of the time,
/// so the lock's round trips set the rate (docs/benchmarks.md).
internal static class AuditAppend
{
    // Parameters per statement stay far below PostgreSQL's 65,535.
    private const int RowsPerStatement = 1000;

    // The head each database's chain will have once this process's last append commits: a guess,
    // never trusted. A wrong guess (another node wrote since, or that commit failed) only costs the
    // statement that finds the head elsewhere and changes nothing.
    private static readonly ConcurrentDictionary<string, AuditHead> LastHeads = new(StringComparer.Ordinal);

    public static AuditHead? LastHead(string database) => LastHeads.TryGetValue(database, out var head) ? head : null;

    public static void Assume(string database, AuditHead head) => LastHeads[database] = head;

    public static void Forget(string database) => LastHeads.TryRemove(database, out _);

    // Each account's person as last read here: also a guess, which the append checks (a person
    // linked to another account meanwhile fails the statement, and the writer reads it afresh).
    private static readonly ConcurrentDictionary<(string Database, Guid Account), int?> People = new();

    public static bool TryGuessPerson(string database, Guid account, out int? person) => People.TryGetValue((database, account), out person);

    public static void Read(string database, Guid account, int? person) => People[(database, account)] = person;

    /// Appends <paramref name="entries"/> (linked to <paramref name="expected"/>) if the head is
    /// still <paramref name="expected"/>, and locks it; false, and nothing written, if it is not, or
    /// if <paramref name="guessedActor"/> is set and the entries' actor account no longer belongs to
    /// the person the entries name.
    public static async Task<bool> TryAppendAsync(IsmsDbContext db, AuditHead expected, IReadOnlyList<AuditEntry> entries, bool guessedActor, CancellationToken cancellationToken)
    {
        var columns = Columns(db);
        var last = entries[^1];
        await using var command = Command(db);
        // The head row is updated whether or not it is the one expected: a row a statement's
        // WHERE rejects is skipped without waiting, so a head that another writer has locked but
        // not committed yet would be judged by its old value. Updated unconditionally, the row is
        // waited for and the CASE sees the committed head; a head found elsewhere keeps its value.
        var match = "\"Sequence\" = @os::bigint AND \"Hash\" = @oh::bytea";
        Add(command, columns.Sequence, "@s", last.Sequence);
        Add(command, columns.Hash, "@h", last.Hash);
        Add(command, columns.Sequence, "@os", expected.Sequence);
        Add(command, columns.Hash, "@oh", expected.Hash);
        if (guessedActor)
        {
            match += " AND (SELECT \"Id\" FROM \"Person\" WHERE \"AccountId\" = @account::uuid) IS NOT DISTINCT FROM @person::integer";
            Add(command, columns.All[2], "@account", last.ActorAccountId);
            Add(command, columns.All[4], "@person", last.ActorPersonId);
        }

        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"WITH moved AS (UPDATE \"AuditHead\" SET \"Sequence\" = CASE WHEN {match} THEN @s::bigint ELSE \"Sequence\" END, ")
            .Append(CultureInfo.InvariantCulture, $"\"Hash\" = CASE WHEN {match} THEN @h::bytea ELSE \"Hash\" END WHERE \"Id\" = {AuditHead.SingleId} ")
            .Append("RETURNING \"Sequence\" = @s::bigint AND \"Hash\" = @h::bytea AS ok) ");
        var first = entries.Take(RowsPerStatement).ToList();
        command.CommandText = head.Append(Insert(command, columns, first, 0)).Append(" WHERE EXISTS (SELECT 1 FROM moved WHERE ok)").ToString();
        if (await command.ExecuteNonQueryAsync(cancellationToken) != first.Count)
        {
            return false;
        }

        // The head is ours now: the rest goes in without a guard.
        for (var offset = RowsPerStatement; offset < entries.Count; offset += RowsPerStatement)
        {
            await using var more = Command(db);
            more.CommandText = Insert(more, columns, entries.Skip(offset).Take(RowsPerStatement).ToList(), offset);
            await more.ExecuteNonQueryAsync(cancellationToken);
        }

        return true;
    }

    // INSERT … SELECT … FROM (VALUES …), each value cast to its column's type so that a null is
    // typed; without the length, because a cast to varchar(n) would cut a longer value silently
    // where the insert itself refuses it.
    private static string Insert(DbCommand command, EntryColumns columns, List<AuditEntry> rows, int offset)
    {
        var sql = new StringBuilder("INSERT INTO \"AuditEntry\" (")
            .AppendJoin(", ", columns.All.Select(c => c.Name))
            .Append(") SELECT * FROM (VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            var values = rows[r].Values();
            for (var c = 0; c < columns.All.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@v{offset + r}_{c}");
                Add(command, columns.All[c], name, values[c]);
                sql.Append(c == 0 ? "" : ", ").Append(name).Append("::").Append(columns.All[c].StoreType);
            }

            sql.Append(')');
        }

        return sql.Append(") AS v").ToString();
    }

    private static void Add(DbCommand command, Column column, string name, object? value) =>
        command.Parameters.Add(column.Mapping.CreateParameter(command, name, value, nullable: true));

    private static DbCommand Command(IsmsDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        return command;
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, string StoreType);

    private sealed record EntryColumns(IReadOnlyList<Column> All, Column Sequence, Column Hash);

    private static EntryColumns Columns(IsmsDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        var all = AuditEntry.Columns.Select(p => entity.FindProperty(p)!)
            .Select(p => new Column($"\"{p.GetColumnName()}\"", p.GetRelationalTypeMapping(), p.GetColumnType().Split('(')[0]))
            .ToList();
        return new EntryColumns(all, all[0], all[^1]);
    }
}
