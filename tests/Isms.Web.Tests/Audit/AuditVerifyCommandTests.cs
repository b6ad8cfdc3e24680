using Isms.Core.Audit;
using Isms.Web.Features.Audit;
using Isms.Web.Tests.Cli;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Isms.Web.Tests.Audit;

/// `isms audit verify` run as a process against the database the app wrote (issue 3): it passes on
/// a clean chain, names the first broken entry after any direct change to the table, and uses the
/// signed checkpoints to catch a rewritten chain, a cut-off tail and an older copy of the database.
/// Each test has an app and a database of its own, because each one damages its chain.
public abstract class AuditVerifyCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-audit-cli-").FullName;

    protected IsmsApp App { get; private set; } = null!;

    protected string Folder => _folder;

    protected abstract IsmsApp CreateApp();

    /// The command-line settings that point `isms` at the app's database.
    protected abstract string[] DatabaseArguments();

    /// Takes a backup with `isms backup` and returns the settings of a database restored from it.
    protected abstract Task<string[]> BackupAndRestoreAsync();

    public async Task InitializeAsync()
    {
        App = CreateApp();
        await App.InitializeAsync();
        await AddEventsAsync(8);
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Verify_CleanChain_PassesAndCountsEveryEntry()
    {
        var result = await RunAsync("audit", "verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"intact: {await App.CountAsync()} entries verified", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update", "UPDATE \"AuditEntry\" SET \"EntityId\" = 'forged' WHERE \"Sequence\" = 3", 3)]
    [InlineData("delete", "DELETE FROM \"AuditEntry\" WHERE \"Sequence\" = 3", 3)]
    [InlineData("swap", "UPDATE \"AuditEntry\" SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" IN (3, 4); "
        + "UPDATE \"AuditEntry\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -3; UPDATE \"AuditEntry\" SET \"Sequence\" = 3 WHERE \"Sequence\" = -4", 3)]
    public async Task Verify_RowChangedBySql_FailsNamingTheEntry(string change, string sql, long broken)
    {
        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

        var result = await RunAsync("audit", "verify");

        Assert.True(result.ExitCode == 1, $"{change}: {result}");
        Assert.Contains($"BROKEN at entry {broken}:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowInsertedBySql_FailsNamingTheEntry()
    {
        var head = await App.HeadAsync();
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AuditEntry\" (\"Sequence\", \"At\", \"ActorName\", \"Action\", \"EntityType\", \"EntityId\", \"Changes\", \"PreviousHash\", \"Hash\") "
            + "SELECT \"Sequence\" + 1, \"At\", 'intruder', \"Action\", \"EntityType\", \"EntityId\", \"Changes\", \"Hash\", \"Hash\" FROM \"AuditEntry\" WHERE \"Sequence\" = {0}",
            head));

        var result = await RunAsync("audit", "verify");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"BROKEN at entry {head + 1}:", result.Output, StringComparison.Ordinal);
    }

    // Rewritten with another key, every hash is wrong from entry 1. Rewritten with the real chain
    // key (stolen, or an insider's), the chain is consistent again: only the checkpoint, signed
    // with the other key, shows it.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_ChainRewrittenWhole_IsReported(bool withTheRealChainKey)
    {
        Assert.Equal(0, (await RunAsync("audit", "checkpoint")).ExitCode);
        var key = withTheRealChainKey ? Convert.FromBase64String(IsmsApp.AuditChainKey) : Enumerable.Repeat((byte)7, 32).ToArray();

        await RewriteAsync(key, entry => entry.Sequence == 2 ? "rewritten" : entry.EntityId);

        var result = await RunAsync("audit", "verify");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(withTheRealChainKey ? "differs from the checkpoint" : "BROKEN at entry 1:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TailCutOffAndHeadMovedBack_IsReportedByTheCheckpoint()
    {
        Assert.Equal(0, (await RunAsync("audit", "checkpoint")).ExitCode);
        var head = await App.HeadAsync();
        await App.QueryAsync(async db =>
        {
            var last = await db.Set<AuditEntry>().Where(e => e.Sequence == head - 3).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntry\" WHERE \"Sequence\" > {0}", head - 3);
            return await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, last.Sequence).SetProperty(h => h.Hash, last.Hash));
        });

        var result = await RunAsync("audit", "verify");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"ends after {head - 3} entries, but the checkpoint", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DatabaseRestoredFromAnOlderBackup_IsReportedByTheCheckpoint()
    {
        var older = await BackupAndRestoreAsync();
        await AddEventsAsync(5);
        Assert.Equal(0, (await RunAsync("audit", "checkpoint")).ExitCode);

        var result = await IsmsCommand.RunAsync(Folder, ["audit", "verify", .. older, .. KeyArguments()]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("older copy", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_WritesSignedLineToTheFile()
    {
        var result = await RunAsync("audit", "checkpoint");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (checkpoints, errors) = await AuditCheckpoints.ReadAsync(App.AuditCheckpointPath, CancellationToken.None);
        Assert.Empty(errors);
        var last = checkpoints[^1];
        Assert.Equal(await App.HeadAsync(), last.Count);
        Assert.True(last.HasValidSignature(Convert.FromBase64String(IsmsApp.AuditCheckpointKey)));
    }

    protected Task<CliResult> RunAsync(params string[] verb) => IsmsCommand.RunAsync(Folder, [.. verb, .. DatabaseArguments(), .. KeyArguments()]);

    private string[] KeyArguments() =>
    [
        $"--Isms:Audit:ChainKey={IsmsApp.AuditChainKey}",
        $"--Isms:Audit:CheckpointKey={IsmsApp.AuditCheckpointKey}",
        $"--Isms:Audit:CheckpointPath={App.AuditCheckpointPath}",
    ];

    private Task<int> AddEventsAsync(int count) => App.QueryAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.QueueAuditEvent(new AuditEvent("test.event", "Test", Api.Unique(), "{\"n\":" + i + "}"));
            await db.SaveChangesAsync();
        }

        return count;
    });

    /// Rewrites every entry and the head as someone with database access would, with their own key.
    private Task<int> RewriteAsync(byte[] key, Func<AuditEntry, string?> entityId) => App.QueryAsync(async db =>
    {
        using var chain = new AuditChain(key);
        var previous = AuditChain.Genesis.ToArray();
        foreach (var entry in await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
        {
            var id = entityId(entry);
            var hash = chain.Link(previous, AuditEntry.ToRecord(entry.Sequence, entry.At, entry.ActorAccountId, entry.ActorName, entry.ActorPersonId,
                entry.Action, entry.EntityType, id, entry.Changes, entry.ClientIp, entry.RequestId));
            var link = previous;
            await db.Set<AuditEntry>().Where(e => e.Sequence == entry.Sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.EntityId, id).SetProperty(e => e.PreviousHash, link).SetProperty(e => e.Hash, hash));
            previous = hash;
        }

        return await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, previous));
    });
}

public sealed class AuditVerifyCommandTestsOnSqlite : AuditVerifyCommandTests
{
    private SqliteApp Sqlite => (SqliteApp)App;

    protected override IsmsApp CreateApp() => new SqliteApp();

    protected override string[] DatabaseArguments() => [IsmsCommand.Sqlite(Sqlite.DatabasePath)];

    protected override async Task<string[]> BackupAndRestoreAsync()
    {
        var file = Path.Combine(Folder, "older.db");
        var backup = await RunAsync("backup", file);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        return [IsmsCommand.Sqlite(file)];
    }
}

public sealed class AuditVerifyCommandTestsOnPostgres : AuditVerifyCommandTests
{
    private readonly List<string> _restored = [];

    private PostgresApp Postgres => (PostgresApp)App;

    protected override IsmsApp CreateApp() => new PostgresApp();

    protected override string[] DatabaseArguments() => ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={Postgres.ConnectionString}"];

    protected override async Task<string[]> BackupAndRestoreAsync()
    {
        var file = Path.Combine(Folder, "older.dump");
        var backup = await RunAsync("backup", file);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var target = "isms_older_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{target}\"");
        _restored.Add(target);
        string[] settings = ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={PostgresApp.Server};Database={target}"];
        var restore = await IsmsCommand.RunAsync(Folder, ["restore", file, .. settings]);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _restored)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
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
