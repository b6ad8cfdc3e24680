namespace Isms.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// Defaults to migrating at start for SQLite (so the first run just works) and not for PostgreSQL,
    /// where an operator runs `isms db migrate` as a deliberate step.
    public bool? MigrateAtStart { get; set; }

    public bool ShouldMigrateAtStart => MigrateAtStart ?? Provider == DatabaseProvider.Sqlite;
}
