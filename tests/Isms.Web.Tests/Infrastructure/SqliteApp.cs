using Microsoft.Data.Sqlite;

namespace Isms.Web.Tests.Infrastructure;

/// The app on a fresh SQLite file in a temporary folder of its own, deleted afterwards.
public sealed class SqliteApp : IsmsApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-test-").FullName;

    public override string Provider => "SQLite";

    public string DatabasePath => Path.Combine(_folder, "isms.db");

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
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
