using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Audit;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.People;

/// Bad and hostile input to POST /api/v1/persons: refused with field errors, or stored verbatim,
/// and never a side effect (STYLE 9).
public abstract class PersonInputTests(IsmsApp app)
{
    private Task<int> CountPersonsAsync() => app.QueryAsync(db => db.Set<Person>().CountAsync());

    /// Each row breaks one field of an otherwise valid person: (JSON field, raw JSON value, field the error names).
    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "fullName", "\"\"", "fullName" }, // required
        { "fullName", "\"   \"", "fullName" }, // only spaces is empty too
        { "fullName", $"\"{new string('x', 101)}\"", "fullName" }, // at most 100 characters
        { "email", "\"not-an-email\"", "email" },
        { "activeTo", "\"2019-12-31\"", "activeTo" }, // the valid body starts 2020-01-01
        { "activeFrom", "null", "activeFrom" }, // required
        { "kind", Api.Kind(PersonKind.VendorStaff).ToJsonString(), "vendorId" }, // vendor staff need their vendor
        { "vendorId", "1", "vendorId" }, // an employee belongs to no vendor
        { "unitId", "987654", "unitId" }, // no such unit (a check against the database)
        { "unitId", "0", "unitId" }, // no unit chosen
        { "kind", "99", "kind" }, // not a kind of person
        { "accountUserName", "\"nobody-has-this-name\"", "accountUserName" }, // no such sign-in account
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_InvalidField_Is400NamingTheFieldAndStoresNothing(string field, string rawValue, string errorField)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var body = Api.PersonBody((await admin.CreateUnitAsync()).Id);
        body[field] = JsonNode.Parse(rawValue);
        var before = await CountPersonsAsync();

        using var response = await admin.PostJsonAsync("/api/v1/persons", body);

        Api.AssertNamesField(await response.ErrorFieldsAsync(), errorField);
        Assert.Equal(before, await CountPersonsAsync());
    }

    [Fact]
    public async Task Create_DuplicateEmployeeNumberOrEmail_Is400OnThoseFields()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unitId = (await admin.CreateUnitAsync()).Id;
        var existing = await admin.CreatePersonAsync(Api.PersonBody(unitId));
        var body = Api.PersonBody(unitId);
        body["employeeNumber"] = existing.EmployeeNumber;
        body["email"] = existing.Email!.ToUpperInvariant(); // e-mail addresses are compared in lower case
        var before = await CountPersonsAsync();

        using var response = await admin.PostJsonAsync("/api/v1/persons", body);

        var fields = await response.ErrorFieldsAsync();
        Api.AssertNamesField(fields, "employeeNumber");
        Api.AssertNamesField(fields, "email");
        Assert.Equal(before, await CountPersonsAsync());
    }

    // A create leaves the account's owner to the unique index; the refusal still names the field.
    [Fact]
    public async Task Create_AccountOfAnotherPerson_Is400OnThatFieldAndWritesNothing()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unitId = (await admin.CreateUnitAsync()).Id;
        var userName = "linked-" + Api.Unique().ToLowerInvariant();
        await app.CreateUserAsync(userName, Roles.Staff);
        var first = Api.PersonBody(unitId);
        first["accountUserName"] = userName;
        await admin.CreatePersonAsync(first);
        var second = Api.PersonBody(unitId);
        second["accountUserName"] = userName.ToUpperInvariant(); // user names are compared in capitals
        var (before, head) = (await CountPersonsAsync(), await app.HeadAsync());

        using var response = await admin.PostJsonAsync("/api/v1/persons", second);

        Assert.Equal(["AccountUserName"], await response.ErrorFieldsAsync());
        Assert.Equal((before, head), (await CountPersonsAsync(), await app.HeadAsync()));
    }

    // Every field the database refuses is named in the one answer, whichever check found it first.
    [Theory]
    [InlineData(true)] // the unknown vendor is found before the insert
    [InlineData(false)] // only the keys refuse: unknown unit, taken number and e-mail
    public async Task Create_SeveralRefusals_NamesEveryFieldAtOnceAndWritesNothing(bool withUnknownVendor)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var existing = await admin.CreatePersonAsync(Api.PersonBody((await admin.CreateUnitAsync()).Id));
        var body = Api.PersonBody(987654);
        body["employeeNumber"] = existing.EmployeeNumber;
        body["email"] = existing.Email;
        if (withUnknownVendor)
        {
            body["kind"] = Api.Kind(PersonKind.VendorStaff);
            body["vendorId"] = 987654;
        }

        var (before, head) = (await CountPersonsAsync(), await app.HeadAsync());

        using var response = await admin.PostJsonAsync("/api/v1/persons", body);

        string[] expected = withUnknownVendor ? ["Email", "EmployeeNumber", "UnitId", "VendorId"] : ["Email", "EmployeeNumber", "UnitId"];
        Assert.Equal(expected, (await response.ErrorFieldsAsync()).Order());
        Assert.Equal((before, head), (await CountPersonsAsync(), await app.HeadAsync()));
    }

    [Theory]
    [InlineData("{\"fullName\": ")] // cut off
    [InlineData("{\"fullName\": \"A\", \"unitId\": \"one\"}")] // a string for a number
    [InlineData("not json at all")]
    [InlineData("[]")] // an array for an object
    public async Task Create_MalformedJson_Is400AndStoresNothing(string json)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var before = await CountPersonsAsync();

        using var response = await admin.PostAsync("/api/v1/persons", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountPersonsAsync());
    }

    // Isms:MaxRequestBodyBytes is 1 MiB; a larger body is refused before it is read into memory.
    [Fact]
    public async Task Create_BodyOver1MiB_Is413AndStoresNothing()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var body = Api.PersonBody((await admin.CreateUnitAsync()).Id);
        body["phone"] = new string('9', 1_100_000);
        var before = await CountPersonsAsync();

        using var response = await admin.PostJsonAsync("/api/v1/persons", body);

        await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await CountPersonsAsync());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Robert'); DROP TABLE Persons;--")]
    [InlineData("Robert'); DROP TABLE Person;--")] // the real table name
    [InlineData("x\"); DROP TABLE \"Persons\"; --")] // PostgreSQL quotes identifiers with "
    [InlineData("' OR '1'='1")]
    [InlineData("<img src=x onerror=alert(1)>&amp;")]
    public async Task Create_HostileText_IsStoredVerbatimAndHarmless(string text)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unitId = (await admin.CreateUnitAsync()).Id;
        var body = Api.PersonBody(unitId, text);
        body["jobFunction"] = text;
        var before = await CountPersonsAsync();

        var created = await admin.CreatePersonAsync(body);

        using var response = await admin.GetAsync($"/api/v1/persons/{created.Id}");
        var read = await response.ReadAsync<PersonResponse>();
        Assert.Equal((text, text), (read.FullName, read.JobFunction));
        Assert.Equal(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(read.FullName));
        // The markup comes back as JSON text that no browser may take for HTML.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == created.Id));
        Assert.Equal((text, text), (stored.FullName, stored.JobFunction));
        Assert.Equal(before + 1, await CountPersonsAsync());
        var found = await admin.ListPersonsAsync($"unitId={unitId}&q={Uri.EscapeDataString(text)}");
        Assert.Equal([created.Id], found.Items.Select(p => p.Id));
    }
}

public sealed class PersonInputTestsOnSqlite(SqliteApp app) : PersonInputTests(app), IClassFixture<SqliteApp>;

public sealed class PersonInputTestsOnPostgres(PostgresApp app) : PersonInputTests(app), IClassFixture<PostgresApp>;
