using System.Globalization;
using System.Text.Json.Nodes;
using Isms.Web.Data;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Organisation;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Audit;

/// Issue 3 §6: a set-based update (every open form's due time after a closure) is audited like a
/// tracked one, one entry per row in the same transaction, and a row someone changed meanwhile
/// fails the whole change with nothing written.
public abstract class AuditedUpdatesTests(IsmsApp app)
{
    private static readonly string[] Name = [nameof(Unit.Name)];

    [Fact]
    public async Task Apply_ManyRows_WritesEachWithOneEntry_AndTheChainVerifies()
    {
        var ids = new[] { await app.AddUnitAsync(null), await app.AddUnitAsync(null), await app.AddUnitAsync(null) };
        var names = await NamesAsync(ids);
        var before = await app.HeadAsync();

        await ApplyAsync(ids.Select(id => new RowChange(id, [names[id]], [names[id] + " (renamed)"])).ToList());

        var after = await NamesAsync(ids);
        foreach (var id in ids)
        {
            Assert.Equal(names[id] + " (renamed)", after[id]);
            var entry = Assert.Single(await app.EntriesAsync(nameof(Unit), id.ToString(CultureInfo.InvariantCulture)), e => e.Sequence > before);
            Assert.Equal(AuditActions.Update, entry.Action);
            Assert.Equal(AuditActor.SystemName, entry.ActorName);
            var change = JsonNode.Parse(entry.Changes!)!["Name"]!;
            Assert.Equal(names[id], change["old"]!.GetValue<string>());
            Assert.Equal(names[id] + " (renamed)", change["new"]!.GetValue<string>());
        }

        Assert.Equal(before + ids.Length, await app.HeadAsync());
        var check = await app.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
    }

    [Fact]
    public async Task Apply_OneRowChangedMeanwhile_FailsWhole_AndWritesNothing()
    {
        var ids = new[] { await app.AddUnitAsync(null), await app.AddUnitAsync(null) };
        var names = await NamesAsync(ids);
        var before = await app.HeadAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => ApplyAsync(
        [
            new RowChange(ids[0], [names[ids[0]]], ["First renamed"]),
            new RowChange(ids[1], ["not what it holds"], ["Second renamed"]),
        ]));

        Assert.Equal(names, await NamesAsync(ids));
        Assert.Equal(before, await app.HeadAsync());
    }

    // The synchronous save reads the head with the same command as the asynchronous one.
    [Fact]
    public async Task SynchronousSave_WritesOneEntry_AndTheChainVerifies()
    {
        var id = await app.AddUnitAsync(null);
        var before = await app.HeadAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
            var unit = db.Set<Unit>().Single(u => u.Id == id);
            unit.Name += " (saved synchronously)";
#pragma warning disable CA1849 // the synchronous path is what this test is about
            db.SaveChanges();
#pragma warning restore CA1849
        }

        var entry = Assert.Single(await app.EntriesAsync(nameof(Unit), id.ToString(CultureInfo.InvariantCulture)), e => e.Sequence > before);
        Assert.Equal(AuditActions.Update, entry.Action);
        Assert.Equal(before + 1, await app.HeadAsync());
        var check = await app.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
    }

    private async Task ApplyAsync(IReadOnlyList<RowChange> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditedUpdates>().ApplyAsync<Unit>(db, nameof(Unit.Id), Name, rows, CancellationToken.None);
    }

    private Task<Dictionary<int, string>> NamesAsync(int[] ids) =>
        app.QueryAsync(db => db.Set<Unit>().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name));
}

public sealed class AuditedUpdatesTestsOnSqlite(SqliteApp app) : AuditedUpdatesTests(app), IClassFixture<SqliteApp>;

public sealed class AuditedUpdatesTestsOnPostgres(PostgresApp app) : AuditedUpdatesTests(app), IClassFixture<PostgresApp>;
