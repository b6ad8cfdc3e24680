using Npgsql;

namespace Isms.Web.Tests.Infrastructure;

/// The app on a database of its own in the PostgreSQL server named by ISMS_TEST_POSTGRES (which
/// ./scripts/test starts), created here and dropped afterwards.
public class PostgresApp : IsmsApp
{
    public const string Variable = "ISMS_TEST_POSTGRES";

    private readonly string _database = "isms_test_" + Guid.NewGuid().ToString("N")[..16];
    private string? _server;

    public override string Provider => "PostgreSQL";

    public string ConnectionString => $"{Server};Database={_database}";

    /// The server's connection string without a database. Unset is a failure, never a skip: a
    /// suite that silently left out PostgreSQL would pass while the production database is untested.
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"{Variable} is not set, so the PostgreSQL tests cannot run. Run ./scripts/test, which starts a throwaway PostgreSQL " +
            $"and sets it, or export {Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres\" for a server of your own.");

    protected override async Task<IDictionary<string, string?>> CreateDatabaseAsync()
    {
        _server = Server;
        await using var connection = new NpgsqlConnection($"{_server};Database=postgres");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = ConnectionString,
        };
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{_server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
