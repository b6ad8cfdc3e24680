using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Isms.Web.Tests.Cli;

/// The `isms` verbs an operator runs, on SQLite files in a folder of this test class.
public sealed partial class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private Task<CliResult> IsmsAsync(params string[] arguments) => IsmsCommand.RunAsync(_folder, arguments);

    private static async Task<T> ScalarAsync<T>(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> CountPersonsAsync(string databasePath) => ScalarAsync<long>(databasePath, "SELECT count(*) FROM \"Person\"");

    [GeneratedRegex("One-time password: (\\S+)")]
    private static partial Regex OneTimePassword();

    [Fact]
    public async Task Help_Exit0AndListsTheVerbs()
    {
        var result = await IsmsAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var verb in new[] { "serve", "db", "users", "backup", "restore" })
        {
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DbMigrate_NewPath_Exit0AndCreatesTheSchema()
    {
        var database = PathOf("new/isms.db");

        var result = await IsmsAsync("db", "migrate", IsmsCommand.Sqlite(database));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(database));
        Assert.Equal(0L, await CountPersonsAsync(database));
        Assert.True(await ScalarAsync<long>(database, "SELECT count(*) FROM \"__EFMigrationsHistory\"") > 0);
    }

    [Fact]
    public async Task UsersCreateAdmin_NewThenSameName_Exit0ThenExit1()
    {
        var database = PathOf("users.db");

        var first = await IsmsAsync("users", "create-admin", "--username", "alice", IsmsCommand.Sqlite(database));
        var second = await IsmsAsync("users", "create-admin", "--username", "alice", IsmsCommand.Sqlite(database));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("One-time password", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM \"AspNetUsers\" WHERE \"NormalizedUserName\" = 'ALICE'"));

        // The printed password really signs alice in, and only to change it.
        var password = OneTimePassword().Match(first.Output).Groups[1].Value;
        var app = SqliteApp.OnFile(database);
        await app.InitializeAsync();
        try
        {
            using var signIn = await IsmsApp.SignInAsync(app.AnonymousClient(), "alice", password);
            Assert.True((await signIn.ReadAsync<SignInResponse>()).MustChangePassword);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    // SQLite's online backup copies one consistent snapshot while the server keeps writing; the
    // restore then brings exactly that snapshot into an empty database.
    [Fact]
    public async Task BackupThenRestore_WhileTheAppWrites_ProducesAWholeCopy()
    {
        var live = PathOf("live.db");
        var backup = PathOf("backup.isms");
        var app = SqliteApp.OnFile(live);
        await app.InitializeAsync();
        CliResult result;
        int writtenBefore, writtenAfter;
        try
        {
            var admin = await app.ClientAsync(Roles.Administrator);
            var unit = await admin.CreateUnitAsync();
            var written = 0;
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
                    Interlocked.Increment(ref written);
                }
            });
            while (Volatile.Read(ref written) < 10 && !writer.IsCompleted)
            {
                await Task.Delay(20);
            }

            writtenBefore = Volatile.Read(ref written);
            result = await IsmsAsync("backup", backup, IsmsCommand.Sqlite(live));
            writtenAfter = Volatile.Read(ref written);
            await stop.CancelAsync();
            await writer;
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(writtenAfter > writtenBefore, $"No person was written while the backup ran ({writtenBefore} before, {writtenAfter} after).");
        Assert.Equal("ok", await ScalarAsync<string>(backup, "PRAGMA integrity_check"));
        Assert.Equal(1L, await ScalarAsync<long>(backup, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'Person'"));
        var inBackup = await CountPersonsAsync(backup);
        Assert.InRange(inBackup, writtenBefore, writtenAfter + 1);
        Assert.False(File.Exists(backup + ".partial"));

        var restored = PathOf("restored/isms.db");
        var restore = await IsmsAsync("restore", backup, IsmsCommand.Sqlite(restored));

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(inBackup, await CountPersonsAsync(restored));
        Assert.Equal("ok", await ScalarAsync<string>(restored, "PRAGMA integrity_check"));
    }

    [Theory]
    [InlineData("text")] // a text file
    [InlineData("sqlite")] // an SQLite database, but not an ISMS backup
    [InlineData("missing")] // no file at all
    public async Task Restore_NotABackup_Exit1AndTargetUnchanged(string what)
    {
        var target = PathOf($"target-{what}.db");
        var migrate = await IsmsAsync("db", "migrate", IsmsCommand.Sqlite(target));
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var source = PathOf($"source-{what}");
        if (what == "text")
        {
            await File.WriteAllTextAsync(source, "employee_number,full_name\nC00001,陳志明\n");
        }
        else if (what == "sqlite")
        {
            await using var other = new SqliteConnection($"Data Source={source};Pooling=False");
            await other.OpenAsync();
            await using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');";
            await create.ExecuteNonQueryAsync();
        }

        var before = await File.ReadAllBytesAsync(target);

        var result = await IsmsAsync("restore", source, IsmsCommand.Sqlite(target));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(SHA256.HashData(before), SHA256.HashData(await File.ReadAllBytesAsync(target)));
    }

    [Fact]
    public async Task Backup_WithoutFile_ExitsNonZeroWithUsage()
    {
        var result = await IsmsAsync("backup", IsmsCommand.Sqlite(PathOf("any.db")));

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.Errors), result.ToString());
    }

    [Fact]
    public async Task Backup_ToAnExistingFile_Exit1AndLeavesItAlone()
    {
        var database = PathOf("existing-target.db");
        Assert.Equal(0, (await IsmsAsync("db", "migrate", IsmsCommand.Sqlite(database))).ExitCode);
        var existing = PathOf("precious.txt");
        await File.WriteAllTextAsync(existing, "do not overwrite");

        var result = await IsmsAsync("backup", existing, IsmsCommand.Sqlite(database));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("do not overwrite", await File.ReadAllTextAsync(existing));
    }
}
