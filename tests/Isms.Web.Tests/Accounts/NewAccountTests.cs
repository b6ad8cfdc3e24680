using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Accounts;

/// An administrator makes accounts: a one-time password shown once, changed at the first sign-in,
/// optionally linked to the person it belongs to.
public sealed class NewAccountTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Create_ForAPerson_SignsInWithTheOneTimePasswordAndMustChangeIt()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var person = await admin.CreatePersonAsync(Api.PersonBody((await admin.CreateUnitAsync()).Id));
        var userName = "new-" + Api.Unique().ToLowerInvariant();

        using var response = await admin.PostJsonAsync("/api/v1/accounts", new JsonObject
        {
            ["userName"] = userName,
            ["displayName"] = "New Colleague",
            ["roles"] = new JsonArray(Roles.Staff),
            ["personId"] = person.Id,
        });

        var created = await response.ReadAsync<NewAccountResponse>(HttpStatusCode.Created);
        using var signIn = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, created.OneTimePassword);
        Assert.True((await signIn.ReadAsync<SignInResponse>()).MustChangePassword);
        Assert.Equal(created.Id, await app.QueryAsync(db => db.Set<Person>().Where(p => p.Id == person.Id).Select(p => p.AccountId).SingleAsync()));
    }

    [Fact]
    public async Task Create_TakenNameUnknownRoleOrLinkedPerson_IsAFieldErrorAndCreatesNothing()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var taken = "taken-" + Api.Unique().ToLowerInvariant();
        await app.CreateUserAsync(taken, Roles.Staff);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var before = await app.QueryAsync(db => db.Users.CountAsync());

        using var name = await admin.PostJsonAsync("/api/v1/accounts", new JsonObject { ["userName"] = taken, ["displayName"] = "X" });
        using var role = await admin.PostJsonAsync("/api/v1/accounts", new JsonObject { ["userName"] = "r-" + Api.Unique(), ["displayName"] = "X", ["roles"] = new JsonArray("Overlord") });
        using var person = await admin.PostJsonAsync("/api/v1/accounts", new JsonObject { ["userName"] = "p-" + Api.Unique(), ["displayName"] = "X", ["personId"] = 987654 });
        using var staff = await officer.PostJsonAsync("/api/v1/accounts", new JsonObject { ["userName"] = "s-" + Api.Unique(), ["displayName"] = "X" });

        Assert.Equal(["UserName"], await name.ErrorFieldsAsync());
        Assert.Equal(["Roles"], await role.ErrorFieldsAsync());
        Assert.Equal(["PersonId"], await person.ErrorFieldsAsync());
        await staff.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await app.QueryAsync(db => db.Users.CountAsync()));
    }
}
