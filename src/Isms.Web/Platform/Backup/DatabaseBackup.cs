using System.Diagnostics;
using Isms.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Isms.Web.Platform.Backup;

public sealed class BackupException(string message) : Exception(message);

/// `isms backup` and `isms restore`. SQLite uses its online backup API, which copies one consistent
/// snapshot while the server keeps writing; PostgreSQL uses pg_dump and pg_restore.
public sealed class DatabaseBackup(IOptions<DatabaseOptions> options, IConfiguration configuration, IServiceProvider services)
{
    public async Task BackupAsync(string path, CancellationToken cancellationToken)
    {
        if (options.Value.Provider == DatabaseProvider.Postgres)
        {
            await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--file", path], cancellationToken);
            return;
        }

        // Written beside the target and renamed at the end: a half-written backup never has the real name.
        var partial = path + ".partial";
        File.Delete(partial);
        await using (var source = new SqliteConnection(DatabaseSetup.SqliteConnectionString(configuration)))
        await using (var target = new SqliteConnection(FileConnection(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }

        await CheckSqliteFileAsync(partial, cancellationToken);
        File.Move(partial, path);
    }

    public async Task RestoreAsync(string path, CancellationToken cancellationToken)
    {
        if (options.Value.Provider == DatabaseProvider.Postgres)
        {
            await RunPostgresToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", path], cancellationToken);
        }
        else
        {
            await CheckSqliteFileAsync(path, cancellationToken);
            await using var source = new SqliteConnection(FileConnection(path, SqliteOpenMode.ReadOnly));
            await using var live = new SqliteConnection(DatabaseSetup.SqliteConnectionString(configuration));
            await source.OpenAsync(cancellationToken);
            await live.OpenAsync(cancellationToken);
            source.BackupDatabase(live);
            SqliteConnection.ClearAllPools();
        }

        // A backup from an older version is brought up to this version's schema.
        await DatabaseSetup.MigrateAsync(services, cancellationToken);
    }

    /// A file is accepted only when SQLite finds it whole and it holds an ISMS schema.
    public static async Task CheckSqliteFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(FileConnection(path, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (verdict != "ok")
            {
                throw new BackupException($"{path} failed SQLite's integrity check: {verdict}");
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                throw new BackupException($"{path} is an SQLite database but not an ISMS backup.");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} is not a readable SQLite database: {e.Message}");
        }
    }

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private async Task RunPostgresToolAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres"));
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(connection.Database ?? "postgres");
        // The password goes through the environment, never the command line where `ps` would show it.
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed (exit {process.ExitCode}): {errors.Trim()}");
        }
    }

    private static string FindTool(string tool)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists)
            ?? throw new BackupException($"{tool} was not found; install the PostgreSQL client tools (Debian: postgresql-client).");
    }
}
