using Isms.Web.Data;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Data;

/// The embedded database keeps what it acknowledged: WAL journal, every commit synced, foreign keys
/// enforced (issue 2: database; DEVELOPERS: nothing lost on a crash).
public sealed class SqliteSettingsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task DatabaseFile_IsInWalMode()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("PRAGMA foreign_keys", 1L)]
    [InlineData("PRAGMA synchronous", 2L)] // 2 = FULL
    public async Task AppConnections_HaveTheSafeSettings(string pragma, long expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;

        Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task PersonInAMissingUnit_IsRefusedByTheDatabase()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Person\" (\"FullName\", \"Kind\", \"UnitId\", \"JobFunction\", \"ActiveFrom\", \"SearchText\", \"Version\", \"CreatedAt\", \"UpdatedAt\") " +
            "VALUES ('x', 'Employee', 999999, 'x', '2026-01-01', 'x', 0, 0, 0)"));

        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
