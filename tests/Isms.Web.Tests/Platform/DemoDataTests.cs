using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Demo;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Platform;

/// The demonstration organisation (`isms demo seed`, `--demo`): complete, and added only once.
public abstract class DemoDataTests(IsmsApp app)
{
    private async Task<bool> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Seed_Twice_AddsACompleteOrganisationOnce()
    {
        Assert.True(await SeedAsync());
        var persons = await app.QueryAsync(db => db.Set<Person>().CountAsync());

        Assert.False(await SeedAsync());

        Assert.Equal(persons, await app.QueryAsync(db => db.Set<Person>().CountAsync()));
        Assert.True(persons >= 200, $"{persons} persons");
        var codes = await app.QueryAsync(db => db.Set<Unit>().Select(u => u.Code).ToListAsync());
        Assert.Subset(codes.ToHashSet(), new HashSet<string> { "DG", "KLC", "TPC", "TCC", "KHC" });
        Assert.Equal(3, await app.QueryAsync(db => db.Set<Vendor>().CountAsync()));
        var kinds = await app.QueryAsync(db => db.Set<Person>().Select(p => p.Kind).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<PersonKind>().Order(), kinds.Order());
        var vendorStaffWithoutVendor = await app.QueryAsync(db => db.Set<Person>().CountAsync(p => p.Kind == PersonKind.VendorStaff && p.VendorId == null));
        Assert.Equal(0, vendorStaffWithoutVendor);

        // The seeded data reads through the API like any other.
        var auditor = await app.ClientAsync(Roles.Auditor);
        var all = await auditor.ListPersonsAsync("", pageSize: 10, status: "All");
        Assert.Equal(persons, all.Total);
    }
}

public sealed class DemoDataTestsOnSqlite(SqliteApp app) : DemoDataTests(app), IClassFixture<SqliteApp>;

public sealed class DemoDataTestsOnPostgres(PostgresApp app) : DemoDataTests(app), IClassFixture<PostgresApp>;
