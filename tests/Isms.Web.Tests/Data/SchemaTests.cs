using Isms.Web.Data;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Data;

/// Each provider's migrations, applied to a real database, build exactly the current model.
public abstract class SchemaTests(IsmsApp app)
{
    // A change to an entity without `scripts/add-migration` shows up here, for each provider.
    [Fact]
    public async Task Model_AfterMigrating_HasNoPendingChanges() =>
        Assert.False(await app.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            $"The {app.Provider} model differs from its migrations: run scripts/add-migration.");

    [Fact]
    public async Task Migrations_AfterMigrating_AreAllApplied()
    {
        var (known, applied) = await app.QueryAsync(async db => (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));

        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
    }

    [Fact]
    public async Task Context_IsThisProvidersOwn()
    {
        var type = await app.QueryAsync(db => Task.FromResult(db.GetType()));

        Assert.Equal(app is PostgresApp ? typeof(PostgresIsmsDbContext) : typeof(SqliteIsmsDbContext), type);
    }
}

public sealed class SchemaTestsOnSqlite(SqliteApp app) : SchemaTests(app), IClassFixture<SqliteApp>;

public sealed class SchemaTestsOnPostgres(PostgresApp app) : SchemaTests(app), IClassFixture<PostgresApp>;
