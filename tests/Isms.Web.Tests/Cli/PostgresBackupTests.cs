using Isms.Web.Features.People;
using Isms.Web.Platform.Demo;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Isms.Web.Tests.Cli;

/// `isms backup` and `isms restore` on PostgreSQL go through pg_dump and pg_restore (issue 2, CLI).
public sealed class PostgresBackupTests(PostgresApp app) : IClassFixture<PostgresApp>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-pgbackup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BackupThenRestore_IntoAnotherDatabase_KeepsEveryPerson()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var count = await app.QueryAsync(db => db.Set<Person>().CountAsync());
        var file = Path.Combine(_folder, "isms.dump");

        var backup = await IsmsCommand.RunAsync(_folder, "backup", file, "--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={app.ConnectionString}");

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(new FileInfo(file).Length > 0);

        var target = "isms_restore_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{target}\"");
        try
        {
            var targetConnection = $"{PostgresApp.Server};Database={target}";
            var restore = await IsmsCommand.RunAsync(_folder, "restore", file, "--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={targetConnection}");

            Assert.True(restore.ExitCode == 0, restore.ToString());
            await using var connection = new NpgsqlConnection(targetConnection);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT count(*) FROM \"Person\"", connection);
            Assert.Equal(count, Convert.ToInt32(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{target}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{PostgresApp.Server};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
