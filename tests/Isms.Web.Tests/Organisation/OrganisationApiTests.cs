using System.Net;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Organisation;

/// Units and vendors through /api/v1: create, read, optimistic concurrency, the unit tree's rules.
public abstract class OrganisationApiTests(IsmsApp app)
{
    [Fact]
    public async Task Unit_CreateThenGet_RoundTripsWithTheCodeInCapitals()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var parent = await admin.CreateUnitAsync();
        var code = Api.Unique("klc-").ToLowerInvariant();

        using var created = await admin.PostJsonAsync("/api/v1/units", Api.UnitBody(code, parent.Id, name: "Keelung Customs, Section 2"));

        var unit = await created.ReadAsync<UnitResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/units/{unit.Id}", created.Headers.Location?.OriginalString);
        var read = await admin.GetAsync<UnitResponse>($"/api/v1/units/{unit.Id}");
        Assert.Equal(unit, read);
        Assert.Equal(code.ToUpperInvariant(), read.Code);
        Assert.Equal(("Keelung Customs, Section 2", $"單位{code}", UnitKind.Section, parent.Id, "Keelung City", true, 0),
            (read.Name, read.NameZh, read.Kind, read.ParentId, read.Location, read.IsActive, read.Version));
        Assert.Contains(await admin.GetAsync<List<UnitResponse>>("/api/v1/units"), u => u.Id == unit.Id);
    }

    [Fact]
    public async Task Vendor_CreateThenGet_RoundTrips()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var name = "Formosa Systems " + Api.Unique();

        using var created = await admin.PostJsonAsync("/api/v1/vendors", Api.VendorBody(name));

        var vendor = await created.ReadAsync<VendorResponse>(HttpStatusCode.Created);
        var read = await admin.GetAsync<VendorResponse>($"/api/v1/vendors/{vendor.Id}");
        Assert.Equal(vendor, read);
        Assert.Equal((name, VendorKind.ContractSigned, "IM-115-001", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), "contact@vendor.example", 0),
            (read.Name, read.Kind, read.ContractNumber, read.ContractStart, read.ContractEnd, read.ContactEmail, read.Version));
    }

    [Fact]
    public async Task Unit_PutWithCurrentVersion_SavesAndIncrementsVersion()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();

        using var first = await admin.PutJsonAsync($"/api/v1/units/{unit.Id}", Api.UnitBody(unit.Code, name: "Renamed once", version: 0));
        using var second = await admin.PutJsonAsync($"/api/v1/units/{unit.Id}", Api.UnitBody(unit.Code, name: "Renamed twice", version: 1));

        Assert.Equal(1, (await first.ReadAsync<UnitResponse>()).Version);
        Assert.Equal(2, (await second.ReadAsync<UnitResponse>()).Version);
        var stored = await app.QueryAsync(db => db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        Assert.Equal(("Renamed twice", 2), (stored.Name, stored.Version));
    }

    // Optimistic concurrency: an edit made against a version someone else already replaced is refused.
    [Fact]
    public async Task Unit_PutWithOldVersion_Is409AndChangesNothing()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        using var current = await admin.PutJsonAsync($"/api/v1/units/{unit.Id}", Api.UnitBody(unit.Code, name: "Current name", version: 0));
        await current.ExpectAsync(HttpStatusCode.OK);

        using var stale = await admin.PutJsonAsync($"/api/v1/units/{unit.Id}", Api.UnitBody(unit.Code, name: "Stale edit", version: 0));

        await stale.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var read = await admin.GetAsync<UnitResponse>($"/api/v1/units/{unit.Id}");
        Assert.Equal(("Current name", 1), (read.Name, read.Version));
    }

    [Fact]
    public async Task Vendor_PutWithOldVersion_Is409AndChangesNothing()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var vendor = await admin.CreateVendorAsync();
        using var current = await admin.PutJsonAsync($"/api/v1/vendors/{vendor.Id}", Api.VendorBody(vendor.Name + " Ltd.", version: 0));
        Assert.Equal(1, (await current.ReadAsync<VendorResponse>()).Version);

        using var stale = await admin.PutJsonAsync($"/api/v1/vendors/{vendor.Id}", Api.VendorBody(vendor.Name + " Inc.", version: 0));

        await stale.ExpectAsync(HttpStatusCode.Conflict);
        var read = await admin.GetAsync<VendorResponse>($"/api/v1/vendors/{vendor.Id}");
        Assert.Equal((vendor.Name + " Ltd.", 1), (read.Name, read.Version));
    }

    [Theory]
    [InlineData(0)] // the unit itself as its parent
    [InlineData(1)] // its child
    [InlineData(2)] // its grandchild: a deep cycle
    public async Task Unit_MovedBelowItself_Is400OnParentIdAndStaysPut(int levelsDown)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var top = await admin.CreateUnitAsync();
        var child = await admin.CreateUnitAsync(top.Id);
        var grandchild = await admin.CreateUnitAsync(child.Id);
        var newParent = new[] { top, child, grandchild }[levelsDown];

        using var response = await admin.PutJsonAsync($"/api/v1/units/{top.Id}", Api.UnitBody(top.Code, newParent.Id));

        Api.AssertNamesField(await response.ErrorFieldsAsync(), "parentId");
        var stored = await app.QueryAsync(db => db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == top.Id));
        Assert.Equal((null, 0), (stored.ParentId, stored.Version));
    }

    [Fact]
    public async Task Unit_MovedToAnotherBranch_IsSaved()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var top = await admin.CreateUnitAsync();
        var left = await admin.CreateUnitAsync(top.Id);
        var right = await admin.CreateUnitAsync(top.Id);

        using var response = await admin.PutJsonAsync($"/api/v1/units/{right.Id}", Api.UnitBody(right.Code, left.Id));

        Assert.Equal(left.Id, (await response.ReadAsync<UnitResponse>()).ParentId);
    }

    [Theory]
    [InlineData(false)] // the same code
    [InlineData(true)] // the same code in other letter case: codes are stored in capitals
    public async Task Unit_DuplicateCode_Is400OnCodeAndStoresNothing(bool otherCase)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var existing = await admin.CreateUnitAsync();
        var before = await app.QueryAsync(db => db.Set<Unit>().CountAsync());

        using var response = await admin.PostJsonAsync("/api/v1/units", Api.UnitBody(otherCase ? existing.Code.ToLowerInvariant() : existing.Code));

        Api.AssertNamesField(await response.ErrorFieldsAsync(), "code");
        Assert.Equal(before, await app.QueryAsync(db => db.Set<Unit>().CountAsync()));
    }

    [Fact]
    public async Task Unit_UnknownParent_Is400OnParentId()
    {
        var admin = await app.ClientAsync(Roles.Administrator);

        using var response = await admin.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U"), parentId: 987_654));

        Api.AssertNamesField(await response.ErrorFieldsAsync(), "parentId");
    }

    [Theory]
    [InlineData("GET", "/api/v1/units/987654")]
    [InlineData("PUT", "/api/v1/units/987654")]
    [InlineData("GET", "/api/v1/vendors/987654")]
    [InlineData("PUT", "/api/v1/vendors/987654")]
    public async Task UnknownId_Is404(string method, string path)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var body = path.Contains("units", StringComparison.Ordinal) ? Api.UnitBody(Api.Unique("U")) : Api.VendorBody(Api.Unique("V"));

        using var response = method == "GET" ? await admin.GetAsync(path) : await admin.PutJsonAsync(path, body);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }
}

public sealed class OrganisationApiTestsOnSqlite(SqliteApp app) : OrganisationApiTests(app), IClassFixture<SqliteApp>;

public sealed class OrganisationApiTestsOnPostgres(PostgresApp app) : OrganisationApiTests(app), IClassFixture<PostgresApp>;
