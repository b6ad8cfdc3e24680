using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Isms.Core.Audit;
using Isms.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Isms.AuditLoad;

/// Appends N valid entries to the chain of a migrated database, as fast as the database takes
/// them (one SQLite transaction; PostgreSQL binary COPY), and moves the head to the last one.
public static class Seeder
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var entries = long.Parse(options.GetValueOrDefault("entries", "1000000"), CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(options["chain-key"]);
        var watch = Stopwatch.StartNew();
        if (options.TryGetValue("sqlite", out var file))
        {
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await SeedAsync(connection, entries, key, isPostgres: false);
        }
        else
        {
            await using var connection = new NpgsqlConnection(options["postgres"]);
            await connection.OpenAsync();
            await SeedAsync(connection, entries, key, isPostgres: true);
        }

        Console.WriteLine($"Seeded {entries:N0} entries in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task SeedAsync(DbConnection connection, long entries, byte[] key, bool isPostgres)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var (sequence, previous) = await HeadAsync(connection, transaction);
        using var chain = new AuditChain(key);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var actor = Guid.CreateVersion7();
        var rows = Rows(sequence, entries, start, actor, chain, previous);
        if (isPostgres)
        {
            await CopyAsync((NpgsqlConnection)connection, rows);
        }
        else
        {
            await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, rows);
        }

        await using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = "UPDATE \"AuditHead\" SET \"Sequence\" = @s, \"Hash\" = @h WHERE \"Id\" = 1";
        Add(head, "s", sequence + entries);
        Add(head, "h", _last);
        await head.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static byte[] _last = [];

    private static IEnumerable<(AuditEntry Entry, AuditRecord Record)> Rows(long after, long count, DateTimeOffset start, Guid actor, AuditChain chain, byte[] previous)
    {
        for (var i = 1L; i <= count; i++)
        {
            var sequence = after + i;
            var id = (sequence % 4999).ToString(CultureInfo.InvariantCulture);
            var changes = $"{{\"FullName\":{{\"old\":\"陳志明\",\"new\":\"陳志明 {sequence}\"}},\"JobFunction\":{{\"old\":\"Customs officer\",\"new\":\"Senior customs officer\"}},\"Version\":{{\"old\":{sequence % 7},\"new\":{sequence % 7 + 1}}}}}";
            var at = start.AddSeconds(i);
            var record = AuditEntry.ToRecord(sequence, at, actor, "officer01", 42, AuditActions.Update, "Person", id, changes, "10.20.30.40", "0HN7Q2" + sequence);
            var hash = chain.Link(previous, record);
            yield return (new AuditEntry
            {
                Sequence = sequence,
                At = at,
                ActorAccountId = actor,
                ActorName = "officer01",
                ActorPersonId = 42,
                Action = AuditActions.Update,
                EntityType = "Person",
                EntityId = id,
                Changes = changes,
                ClientIp = "10.20.30.40",
                RequestId = "0HN7Q2" + sequence,
                PreviousHash = previous,
                Hash = hash,
            }, record);
            previous = hash;
            _last = hash;
        }
    }

    private static async Task<(long, byte[])> HeadAsync(DbConnection connection, DbTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Sequence\", \"Hash\" FROM \"AuditHead\" WHERE \"Id\" = 1";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(AuditEntry Entry, AuditRecord Record)> rows)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"AuditEntry\" (\"Sequence\", \"At\", \"ActorAccountId\", \"ActorName\", \"ActorPersonId\", \"Action\", \"EntityType\", "
            + "\"EntityId\", \"Changes\", \"ClientIp\", \"RequestId\", \"PreviousHash\", \"Hash\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)";
        var parameters = Enumerable.Range(0, 13).Select(i => insert.Parameters.Add(new SqliteParameter("@p" + i, null))).ToArray();
        insert.Prepare();
        foreach (var (e, _) in rows)
        {
            object?[] values = [e.Sequence, e.At.UtcTicks, e.ActorAccountId?.ToString().ToUpperInvariant(), e.ActorName, e.ActorPersonId, e.Action, e.EntityType,
                e.EntityId, e.Changes, e.ClientIp, e.RequestId, e.PreviousHash, e.Hash];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<(AuditEntry Entry, AuditRecord Record)> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"AuditEntry\" (\"Sequence\", \"At\", \"ActorAccountId\", \"ActorName\", \"ActorPersonId\", \"Action\", \"EntityType\", \"EntityId\", "
            + "\"Changes\", \"ClientIp\", \"RequestId\", \"PreviousHash\", \"Hash\") FROM STDIN (FORMAT BINARY)");
        foreach (var (e, _) in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint);
            await copy.WriteAsync(e.At.UtcDateTime, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(e.ActorAccountId!.Value, NpgsqlDbType.Uuid);
            await copy.WriteAsync(e.ActorName, NpgsqlDbType.Varchar);
            await copy.WriteAsync(e.ActorPersonId!.Value, NpgsqlDbType.Integer);
            await copy.WriteAsync(e.Action, NpgsqlDbType.Varchar);
            await copy.WriteAsync(e.EntityType, NpgsqlDbType.Varchar);
            await copy.WriteAsync(e.EntityId, NpgsqlDbType.Varchar);
            await copy.WriteAsync(e.Changes, NpgsqlDbType.Text);
            await copy.WriteAsync(e.ClientIp, NpgsqlDbType.Varchar);
            await copy.WriteAsync(e.RequestId, NpgsqlDbType.Varchar);
            await copy.WriteAsync(e.PreviousHash, NpgsqlDbType.Bytea);
            await copy.WriteAsync(e.Hash, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
