using System.Data.Common;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Isms.Web.Features.Availability.Probing;

/// Plain commands for the probe engine's own tables (results, gaps, roll-ups, state, leases):
/// measurements written in batches, not records, so they go around SaveChanges and its audit
/// entries. The quoted names are EF's defaults, the same on both providers; instants are stored as
/// UTC ticks on SQLite and as timestamptz on PostgreSQL, as the model's converters store them.
internal sealed class ProbeSql(IsmsDbContext db)
{
    public bool IsPostgres { get; } = db.Database.IsNpgsql();

    public DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    public object Instant(DateTimeOffset value) => IsPostgres ? value.ToUniversalTime() : value.UtcTicks;

    public object? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    public DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : IsPostgres ? new DateTimeOffset(reader.GetFieldValue<DateTime>(ordinal).ToUniversalTime(), TimeSpan.Zero)
        : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    public async Task OpenAsync(CancellationToken cancellationToken) => await db.Database.OpenConnectionAsync(cancellationToken);

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
