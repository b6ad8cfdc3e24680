using System.Globalization;
using Isms.Web.Data;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Organisation;
using Isms.Web.Tests.Audit;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Data;

/// Contexts are pooled (DatabaseSetup): one given back to the pool carries nothing of the scope it
/// served into the next scope that leases it.
public abstract class ContextPoolTests(IsmsApp app)
{
    [Fact]
    public async Task EventQueuedButNeverSaved_IsNotWrittenWhenTheSameContextSavesAgain()
    {
        var stray = Api.Unique("stray-");
        IsmsDbContext abandoned;
        await using (var first = app.Services.CreateAsyncScope())
        {
            abandoned = first.ServiceProvider.GetRequiredService<IsmsDbContext>();
            abandoned.QueueAuditEvent(new AuditEvent(AuditActions.Export, "PoolTest", stray, null));
        }

        // Leases are taken and held until the pool hands out that same context again: the pool is
        // a queue, so the contexts other requests left in it come first.
        var held = new List<AsyncServiceScope>();
        try
        {
            IsmsDbContext? again = null;
            for (var lease = 0; lease < 2048 && again is null; lease++)
            {
                var scope = app.Services.CreateAsyncScope();
                held.Add(scope);
                var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
                again = ReferenceEquals(db, abandoned) ? db : null;
            }

            Assert.NotNull(again);
            var unit = new Unit { Code = Api.Unique("U"), Name = "Unit " + Api.Unique(), Kind = UnitKind.Section };
            again.Add(unit);
            await again.SaveChangesAsync();

            var entry = Assert.Single(await app.EntriesAsync("Unit", unit.Id.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(AuditActions.Create, entry.Action);
        }
        finally
        {
            foreach (var scope in held)
            {
                await scope.DisposeAsync();
            }
        }

        Assert.Empty(await app.EntriesAsync("PoolTest", stray));
    }
}

public sealed class ContextPoolTestsOnSqlite(SqliteApp app) : ContextPoolTests(app), IClassFixture<SqliteApp>;

public sealed class ContextPoolTestsOnPostgres(PostgresApp app) : ContextPoolTests(app), IClassFixture<PostgresApp>;
