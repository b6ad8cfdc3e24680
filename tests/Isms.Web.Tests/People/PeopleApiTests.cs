using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.People;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.People;

/// The persons API: create and read, the list's paging, search, filters and sort, versions, and
/// deactivation (policy V: who is in scope on a given day).
public abstract class PeopleApiTests(IsmsApp app)
{
    [Fact]
    public async Task Person_CreateThenGet_RoundTrips()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var vendor = await admin.CreateVendorAsync();
        var body = Api.PersonBody(unit.Id, "陳志明");
        body["employeeNumber"] = null;
        body["email"] = $"Chen.{Api.Unique()}@Vendor.Example";
        body["kind"] = Api.Kind(PersonKind.VendorStaff);
        body["vendorId"] = vendor.Id;
        body["activeFrom"] = "2026-01-01";
        body["activeTo"] = "2099-12-31";

        using var created = await admin.PostJsonAsync("/api/v1/persons", body);

        var person = await created.ReadAsync<PersonResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/persons/{person.Id}", created.Headers.Location?.OriginalString);
        var read = await admin.GetAsync<PersonResponse>($"/api/v1/persons/{person.Id}");
        Assert.Equal(person, read);
        Assert.Equal(("陳志明", body["email"]!.GetValue<string>().ToLowerInvariant(), PersonKind.VendorStaff, unit.Code, vendor.Name),
            (read.FullName, read.Email, read.Kind, read.UnitCode, read.VendorName));
        Assert.Equal((new DateOnly(2026, 1, 1), (DateOnly?)new DateOnly(2099, 12, 31), 0), (read.ActiveFrom, read.ActiveTo, read.Version));
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((unit.Id, (int?)vendor.Id, "Customs officer"), (stored.UnitId, stored.VendorId, stored.JobFunction));
    }

    // The create's answer takes the unit's code and name from memory (UnitNames); a unit saved
    // through the app is forgotten there at once.
    [Fact]
    public async Task Create_RightAfterTheUnitIsRenamed_AnswersWithTheNewCodeAndName()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var before = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
        var code = Api.Unique("R");
        using (var renamed = await admin.PutJsonAsync($"/api/v1/units/{unit.Id}", Api.UnitBody(code, name: "Renamed " + code, version: unit.Version)))
        {
            await renamed.ExpectAsync(HttpStatusCode.OK);
        }

        var after = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));

        Assert.Equal((unit.Code, unit.Name), (before.UnitCode, before.UnitName));
        Assert.Equal((code, "Renamed " + code), (after.UnitCode, after.UnitName));
        Assert.Equal(after, await admin.GetAsync<PersonResponse>($"/api/v1/persons/{after.Id}"));
    }

    // PersonQuery declares page 1, 25 per page and status Active as defaults; a plain GET must use them.
    [Fact]
    public async Task List_WithoutQueryParameters_UsesTheDefaults()
    {
        var auditor = await app.ClientAsync(Roles.Auditor);

        using var response = await auditor.GetAsync("/api/v1/persons");

        var page = await response.ReadAsync<Page<PersonResponse>>();
        Assert.Equal((1, 25), (page.PageNumber, page.PageSize));
    }

    [Fact]
    public async Task List_Paging_ReturnsEveryPersonOnceWithTheTotal()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var names = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            names.Add((await admin.CreatePersonAsync(Api.PersonBody(unit.Id, $"Paging {(char)('G' - i)} {Api.Unique()}"))).FullName);
        }

        var pages = new List<Page<PersonResponse>>();
        for (var number = 1; number <= 3; number++)
        {
            pages.Add(await admin.ListPersonsAsync($"unitId={unit.Id}&sort=name", page: number, pageSize: 3));
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal((7, 3, 3), (p.Total, p.PageSize, p.PageCount)));
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.Equal(names.Order(StringComparer.Ordinal), pages.SelectMany(p => p.Items).Select(p => p.FullName));
        Assert.Empty((await admin.ListPersonsAsync($"unitId={unit.Id}", page: 4, pageSize: 3)).Items);
    }

    [Theory]
    [InlineData("name", "XYLOPHONE")] // name, other case
    [InlineData("name", "xylophone")]
    [InlineData("email", "XYLO.PHONE@CUSTOMS")] // e-mail, other case
    [InlineData("number", "EMP-XY")] // employee number, other case
    [InlineData("chinese", "志明")] // part of a Chinese name
    [InlineData("chinese", "陳志明")] // a whole Chinese name
    public async Task List_Search_FindsByNameEmailOrNumberInAnyCase(string field, string query)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var body = Api.PersonBody(unit.Id, field == "chinese" ? "陳志明" : "Xylophone Player");
        if (field == "email")
        {
            body["email"] = $"xylo.phone@customs.{Api.Unique().ToLowerInvariant()}.example";
        }

        if (field == "number")
        {
            body["employeeNumber"] = "emp-xy" + Api.Unique().ToLowerInvariant();
        }

        var target = await admin.CreatePersonAsync(body);
        await admin.CreatePersonAsync(Api.PersonBody(unit.Id, "林淑芬 Other")); // the same unit, never found

        var found = await admin.ListPersonsAsync($"unitId={unit.Id}&q={Uri.EscapeDataString(query)}");

        Assert.Equal([target.Id], found.Items.Select(p => p.Id));
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task List_SearchMatchingNobody_IsEmpty()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        await admin.CreatePersonAsync(Api.PersonBody((await admin.CreateUnitAsync()).Id));

        var found = await admin.ListPersonsAsync("q=" + Api.Unique("nobody-"), status: "All");

        Assert.Equal(0, found.Total);
        Assert.Empty(found.Items);
    }

    [Theory]
    [InlineData(PersonKind.Employee)]
    [InlineData(PersonKind.Contract)]
    [InlineData(PersonKind.VendorStaff)]
    public async Task List_FilterByKind_ReturnsOnlyThatKind(PersonKind kind)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var vendor = await admin.CreateVendorAsync();
        var ids = new Dictionary<PersonKind, int>();
        foreach (var each in new[] { PersonKind.Employee, PersonKind.Contract, PersonKind.VendorStaff })
        {
            var body = Api.PersonBody(unit.Id);
            body["kind"] = Api.Kind(each);
            body["vendorId"] = each == PersonKind.VendorStaff ? vendor.Id : null;
            ids[each] = (await admin.CreatePersonAsync(body)).Id;
        }

        var found = await admin.ListPersonsAsync($"unitId={unit.Id}&kind={kind}");

        Assert.Equal([ids[kind]], found.Items.Select(p => p.Id));
    }

    // The unit filter means the unit and every unit nested in it (UnitTree.SelfAndDescendants).
    [Fact]
    public async Task List_FilterByUnit_IncludesSubUnitsAtAnyDepth()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var top = await admin.CreateUnitAsync();
        var child = await admin.CreateUnitAsync(top.Id);
        var grandchild = await admin.CreateUnitAsync(child.Id);
        var sibling = await admin.CreateUnitAsync();
        var inTop = await admin.CreatePersonAsync(Api.PersonBody(top.Id));
        var inChild = await admin.CreatePersonAsync(Api.PersonBody(child.Id));
        var inGrandchild = await admin.CreatePersonAsync(Api.PersonBody(grandchild.Id));
        await admin.CreatePersonAsync(Api.PersonBody(sibling.Id));

        var fromTop = await admin.ListPersonsAsync($"unitId={top.Id}");
        var fromChild = await admin.ListPersonsAsync($"unitId={child.Id}");

        Assert.Equal(new[] { inTop.Id, inChild.Id, inGrandchild.Id }.Order(), fromTop.Items.Select(p => p.Id).Order());
        Assert.Equal(new[] { inChild.Id, inGrandchild.Id }.Order(), fromChild.Items.Select(p => p.Id).Order());
    }

    [Theory]
    [InlineData("Active", new[] { "current", "ends-today", "starts-today" })] // in scope today, both ends inclusive
    [InlineData("Inactive", new[] { "left", "future" })]
    [InlineData("All", new[] { "current", "ends-today", "starts-today", "left", "future" })]
    public async Task List_Status_SplitsByTodayInTaipei(string status, string[] expected)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var today = Api.TodayInTaipei();
        var periods = new Dictionary<string, (DateOnly From, DateOnly? To)>
        {
            ["current"] = (today.AddYears(-1), null),
            ["ends-today"] = (today.AddYears(-1), today),
            ["starts-today"] = (today, null),
            ["left"] = (today.AddYears(-1), today.AddDays(-1)),
            ["future"] = (today.AddDays(1), null),
        };
        foreach (var (name, (from, to)) in periods)
        {
            var body = Api.PersonBody(unit.Id, name);
            body["activeFrom"] = from.ToString("yyyy-MM-dd");
            body["activeTo"] = to?.ToString("yyyy-MM-dd");
            await admin.CreatePersonAsync(body);
        }

        var found = await admin.ListPersonsAsync($"unitId={unit.Id}", status: status);

        Assert.Equal(expected.Order(), found.Items.Select(p => p.FullName).Order());
        Assert.All(found.Items, p => Assert.Equal(expected.Length == 2 ? false : p.FullName is not ("left" or "future"), p.IsActive));
    }

    // The list's contract names the statuses active, inactive and all; the query string binds the
    // enum case-sensitively, so only Active, Inactive and All are accepted today.
    [Fact]
    public async Task List_StatusInLowerCase_IsAccepted()
    {
        var auditor = await app.ClientAsync(Roles.Auditor);
        var answers = new List<string>();

        foreach (var status in new[] { "active", "inactive", "all" })
        {
            using var response = await auditor.GetAsync($"/api/v1/persons?page=1&pageSize=10&status={status}");
            answers.Add($"status={status}: {(int)response.StatusCode}");
        }

        Assert.Equal(["status=active: 200", "status=inactive: 200", "status=all: 200"], answers);
    }

    [Theory]
    [InlineData("name", new[] { "Alpha", "Bravo", "Charlie" })]
    [InlineData("-name", new[] { "Charlie", "Bravo", "Alpha" })]
    public async Task List_SortByName_AscendingAndDescending(string sort, string[] expected)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        foreach (var name in new[] { "Bravo", "Charlie", "Alpha" })
        {
            await admin.CreatePersonAsync(Api.PersonBody(unit.Id, name));
        }

        var found = await admin.ListPersonsAsync($"unitId={unit.Id}&sort={sort}");

        Assert.Equal(expected, found.Items.Select(p => p.FullName));
    }

    [Fact]
    public async Task Person_PutWithCurrentVersion_SavesAndIncrementsVersion()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var person = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
        var body = Api.PersonBody(unit.Id, "Renamed Person");
        body["version"] = person.Version;

        using var response = await admin.PutJsonAsync($"/api/v1/persons/{person.Id}", body);

        var updated = await response.ReadAsync<PersonResponse>();
        Assert.Equal(("Renamed Person", person.Version + 1), (updated.FullName, updated.Version));
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("Renamed Person", person.Version + 1), (stored.FullName, stored.Version));
        Assert.True(stored.UpdatedAt >= stored.CreatedAt);
        Assert.Equal([person.Id], (await admin.ListPersonsAsync($"unitId={unit.Id}&q=renamed")).Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Person_PutWithOldVersion_Is409AndChangesNothing()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var person = await admin.CreatePersonAsync(Api.PersonBody(unit.Id, "Original Name"));
        var first = Api.PersonBody(unit.Id, "First Edit");
        first["version"] = 0;
        using (var ok = await admin.PutJsonAsync($"/api/v1/persons/{person.Id}", first))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        var stale = Api.PersonBody(unit.Id, "Stale Edit");
        stale["version"] = 0;
        using var response = await admin.PutJsonAsync($"/api/v1/persons/{person.Id}", stale);

        await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("First Edit", 1, first["email"]!.GetValue<string>()), (stored.FullName, stored.Version, stored.Email));
    }

    // Deactivating takes the person out of scope from today in the agency's zone (Asia/Taipei):
    // their last active day becomes yesterday, and they no longer count as active.
    [Fact]
    public async Task Deactivate_ActivePerson_EndsYesterdayInTaipeiAndIsNoLongerActive()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var person = await admin.CreatePersonAsync(Api.PersonBody((await admin.CreateUnitAsync()).Id));
        var yesterday = Api.TodayInTaipei().AddDays(-1);

        using var response = await admin.PostAsync($"/api/v1/persons/{person.Id}/deactivate", null);

        var deactivated = await response.ReadAsync<PersonResponse>();
        Assert.Equal(yesterday, deactivated.ActiveTo);
        Assert.Equal(person.Version + 1, deactivated.Version);
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(yesterday, stored.ActiveTo);
        Assert.False(deactivated.IsActive, $"Deactivated with activeTo {deactivated.ActiveTo}, yet isActive is still true.");
    }

    [Fact]
    public async Task Deactivate_PersonWhoAlreadyLeft_KeepsTheirLastDay()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var body = Api.PersonBody((await admin.CreateUnitAsync()).Id);
        body["activeTo"] = "2025-12-31";
        var person = await admin.CreatePersonAsync(body);

        using var response = await admin.PostAsync($"/api/v1/persons/{person.Id}/deactivate", null);

        var after = await response.ReadAsync<PersonResponse>();
        Assert.Equal((new DateOnly(2025, 12, 31), person.Version, false), (after.ActiveTo, after.Version, after.IsActive));
    }

    [Fact]
    public async Task Reactivate_DeactivatedPerson_IsOpenEndedAndActiveAgain()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var body = Api.PersonBody((await admin.CreateUnitAsync()).Id);
        body["activeTo"] = "2025-12-31";
        var person = await admin.CreatePersonAsync(body);
        Assert.False(person.IsActive);

        using var response = await admin.PostAsync($"/api/v1/persons/{person.Id}/reactivate", null);

        var after = await response.ReadAsync<PersonResponse>();
        Assert.Equal(((DateOnly?)null, true, person.Version + 1), (after.ActiveTo, after.IsActive, after.Version));
        Assert.Null(await app.QueryAsync(db => db.Set<Person>().Where(p => p.Id == person.Id).Select(p => p.ActiveTo).SingleAsync()));
    }

    [Theory]
    [InlineData("GET", "/api/v1/persons/987654")]
    [InlineData("PUT", "/api/v1/persons/987654")]
    [InlineData("POST", "/api/v1/persons/987654/deactivate")]
    [InlineData("POST", "/api/v1/persons/987654/reactivate")]
    public async Task UnknownPerson_Is404(string method, string path)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();

        using var response = method switch
        {
            "GET" => await admin.GetAsync(path),
            "PUT" => await admin.PutJsonAsync(path, Api.PersonBody(unit.Id)),
            _ => await admin.PostAsync(path, null),
        };

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }
}

public sealed class PeopleApiTestsOnSqlite(SqliteApp app) : PeopleApiTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleApiTestsOnPostgres(PostgresApp app) : PeopleApiTests(app), IClassFixture<PostgresApp>;
