using System.Data.Common;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Isms.Web.Features.Audit;

/// Many rows of one table written at once, for the set-based writes that carry their own audit
/// entries (AuditedUpdates, AuditTrail.WriteAsync). Columns and value conversions come from the EF
/// model, so a value is stored exactly as SaveChanges would store it. PostgreSQL gets the rows by
/// binary COPY; SQLite, in process, runs one prepared single-row statement again and again (SqliteRows).
/// Only the audit feature calls this: UnauditedWritesTests keeps every other write on SaveChanges.
internal static class SetRows
{
    private const string Staging = "isms_set_rows";

    public static async Task InsertAsync<TEntity>(IsmsDbContext db, IReadOnlyList<string> properties, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var table = Table.Of<TEntity>(db);
        var columns = properties.Select(table.Column).ToList();
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(db, table.Name, columns, rows, cancellationToken);
            return;
        }

        using var insert = new SqliteRows(db, $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => Slot(i)))})");
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Run(columns, row);
        }
    }

    /// Sets <paramref name="properties"/> of each row to its new values, but only where the row
    /// still holds the old ones (compared null-safely): returns how many rows matched, so a caller
    /// can tell that someone else changed a row meanwhile.
    public static async Task<int> UpdateAsync<TEntity>(IsmsDbContext db, string key, IReadOnlyList<string> properties, IReadOnlyList<RowChange> rows, CancellationToken cancellationToken)
    {
        var table = Table.Of<TEntity>(db);
        var keyColumn = table.Column(key);
        var columns = properties.Select(table.Column).ToList();
        // Every row as: the key, each property's new value, each property's old value.
        var staged = new List<Column>(1 + (2 * columns.Count)) { keyColumn };
        staged.AddRange(columns);
        staged.AddRange(columns);
        var values = rows.Select(r => (object?[])[r.Key, .. r.New, .. r.Old]).ToList();
        // Only the columns some row really changes are set: SQLite rewrites every index over a
        // column that is set, whether or not its value changes. Every old value is still checked.
        var set = Enumerable.Range(0, columns.Count).Where(i => rows.Any(r => !Equals(r.Old[i], r.New[i]))).DefaultIfEmpty(0).ToList();

        if (db.Database.IsNpgsql())
        {
            await using var command = Command(db);
            var names = staged.Select((_, i) => $"c{i}").ToList();
            // The join hashes the changes by key: with the default 4 MB of work memory that spills
            // to temporary files from about forty thousand rows. The setting ends with the transaction.
            command.CommandText = $"SET LOCAL work_mem = '64MB'; CREATE TEMPORARY TABLE {Staging} ({string.Join(", ", staged.Select((c, i) => $"{names[i]} {c.StoreType}"))}) ON COMMIT DROP";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await CopyAsync(db, Staging, staged.Select((c, i) => c with { Name = names[i] }).ToList(), values, cancellationToken);
            // Autovacuum never analyses a temporary table. Without its row count the planner hashed
            // the whole target table (100,000 forms, spilled to disk) instead of the changes.
            command.CommandText = $"ANALYZE {Staging}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = $"UPDATE {table.Name} SET {string.Join(", ", set.Select(i => $"{columns[i].Name} = v.c{i + 1}"))} FROM {Staging} v "
                + $"WHERE {table.Name}.{keyColumn.Name} = v.c0 AND {string.Join(" AND ", columns.Select((c, i) => $"{table.Name}.{c.Name} IS NOT DISTINCT FROM v.c{i + 1 + columns.Count}"))}";
            var matched = await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = $"DROP TABLE {Staging}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return matched;
        }

        using var update = new SqliteRows(db, $"UPDATE {table.Name} SET {string.Join(", ", set.Select(i => $"{columns[i].Name} = {Slot(i + 1)}"))} "
            + $"WHERE {keyColumn.Name} = {Slot(0)} AND {string.Join(" AND ", columns.Select((c, i) => $"{c.Name} IS {Slot(i + 1 + columns.Count)}"))}");
        var changed = 0;
        foreach (var row in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed += update.Run(staged, row);
        }

        return changed;
    }

    private static async Task CopyAsync(IsmsDbContext db, string table, List<Column> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].ToStore(row[i]) is { } value)
                {
                    await copy.WriteAsync(value, columns[i].CopyType, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    // SQLite's numbered parameter for the value at this index of a row (numbered from 1).
    private static string Slot(int index) => "?" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DbCommand Command(IsmsDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Set-based writes run inside the caller's transaction.");
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        return command;
    }

    private sealed record Table(IEntityType Entity, ISqlGenerationHelper Sql, StoreObjectIdentifier Store, string Name)
    {
        public static Table Of<TEntity>(IsmsDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            return new Table(entity, sql, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()),
                sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()));
        }

        public Column Column(string property)
        {
            var metadata = Entity.FindProperty(property) ?? throw new InvalidOperationException($"{Entity.ClrType.Name} has no property {property}.");
            return new Column(Sql.DelimitIdentifier(metadata.GetColumnName(Store)!), metadata.GetRelationalTypeMapping(), metadata.GetColumnType(Store));
        }
    }

    internal sealed record Column(string Name, RelationalTypeMapping Mapping, string StoreType)
    {
        public object? ToStore(object? value) => value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

        // The provider value's PostgreSQL type for binary COPY (text and varchar share one wire format).
        public NpgsqlDbType CopyType => (Mapping.Converter?.ProviderClrType ?? Mapping.ClrType) switch
        {
            var t when t == typeof(long) => NpgsqlDbType.Bigint,
            var t when t == typeof(int) => NpgsqlDbType.Integer,
            var t when t == typeof(short) => NpgsqlDbType.Smallint,
            var t when t == typeof(bool) => NpgsqlDbType.Boolean,
            var t when t == typeof(string) => NpgsqlDbType.Text,
            var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
            var t when t == typeof(byte[]) => NpgsqlDbType.Bytea,
            var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
            var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
            var t when t == typeof(double) => NpgsqlDbType.Double,
            var t => throw new NotSupportedException($"No COPY type for {t.Name}."),
        };
    }
}

/// One row of a set-based update: its key, and the values of the updated properties before and after.
public sealed record RowChange(object Key, object?[] Old, object?[] New);
