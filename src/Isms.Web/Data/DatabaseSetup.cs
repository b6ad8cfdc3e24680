using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Isms.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/isms.db";

    public static IServiceCollection AddIsmsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Contexts are pooled: building one afresh for each request (its options, its model
        // lookup and EF's few dozen scoped services) was a tenth of the server's CPU in an audited
        // write (docs/benchmarks.md). Each scope still gets a context of its own.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connection = PostgresConnectionString(configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set."));
            services.AddPooledDbContextFactory<PostgresIsmsDbContext>(o => Quiet(o.UseNpgsql(connection)));
            services.AddScoped<IsmsDbContext>(LeaseFrom<PostgresIsmsDbContext>);
        }
        else
        {
            var connection = SqliteConnectionString(configuration);
            services.AddPooledDbContextFactory<SqliteIsmsDbContext>(o => Quiet(o.UseSqlite(connection).AddInterceptors(new SqlitePragmas())));
            services.AddScoped<IsmsDbContext>(LeaseFrom<SqliteIsmsDbContext>);
        }

        return services;
    }

    // A refused insert is how a person's create learns of a taken e-mail address (PersonWrites), so
    // EF's own error lines for a failed command or save would report bad input as a fault. Every
    // such failure still goes up as an exception and is logged where it is handled.
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information)));

    // The scope disposes the context at its end, which gives it back to the pool.
    private static IsmsDbContext LeaseFrom<TContext>(IServiceProvider scope)
        where TContext : IsmsDbContext =>
        scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext().LeasedTo(scope);

    /// Every request runs the same dozen statements, so they are prepared on the server after their
    /// second use instead of parsed and planned each time, and a connection going back to the pool
    /// is not reset (DISCARD ALL would throw those plans away; ISMS keeps no session state). This
    /// cut PostgreSQL's CPU per audited write by about a third (docs/benchmarks.md). A setting given
    /// in the connection string wins.
    public static string PostgresConnectionString(string configured)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows, set or not:
        // what was written is read from a plain builder, with keywords compared without spaces.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!written.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ToString();
    }

    /// The SQLite connection string with its file path made absolute and its folder created, so that
    /// `./data/isms.db` means the same file for the server, the CLI and a backup.
    public static string SqliteConnectionString(IConfiguration configuration)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL is a property of the file: readers never block the writer, and it stays set.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var part in scope.ServiceProvider.GetServices<Platform.ReferenceData.IReferenceData>())
        {
            await part.SeedAsync(db, cancellationToken);
        }
    }

    public static bool ShouldMigrateAtStart(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateAtStart;
}
