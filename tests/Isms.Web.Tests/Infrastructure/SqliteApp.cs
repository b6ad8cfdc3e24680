using Microsoft.Data.Sqlite;

namespace Isms.Web.Tests.Infrastructure;

/// The app on a fresh SQLite file in a temporary folder of its own, deleted afterwards; or, for
/// tests that share a file with the CLI, on a given file that the test owns.
public class SqliteApp : IsmsApp
{
    private readonly string? _ownFolder;

    public SqliteApp()
    {
        _ownFolder = Directory.CreateTempSubdirectory("isms-test-").FullName;
        DatabasePath = Path.Combine(_ownFolder, "isms.db");
    }

    private SqliteApp(string databasePath) => DatabasePath = databasePath;

    public override string Provider => "SQLite";

    public string DatabasePath { get; }

    /// An app on a file the caller created and deletes; call InitializeAsync and DisposeAsync yourself.
    public static SqliteApp OnFile(string databasePath) => new(databasePath);

    protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}",
        });

    protected override Task DropDatabaseAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        if (_ownFolder is not null)
        {
            Directory.Delete(_ownFolder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
