using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Audit;
using Isms.Web.Features.People;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Audit;

/// Issue 3, section 6: every change writes exactly one audit entry in the same transaction, a
/// failed transaction writes none, secrets never reach the trail, and the chain never forks.
public abstract class AuditTrailTests(IsmsApp app)
{
    [Fact]
    public async Task PersonCreate_WritesOneEntryWithActorAndNewValues()
    {
        var (admin, userName) = await ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();

        var person = await admin.CreatePersonAsync(Api.PersonBody(unit.Id, "陳志明"));

        var entry = Assert.Single(await app.EntriesAsync("Person", Id(person.Id)));
        Assert.Equal((AuditActions.Create, userName, "127.0.0.1"), (entry.Action, entry.ActorName, entry.ClientIp));
        Assert.NotNull(entry.ActorAccountId);
        Assert.False(string.IsNullOrEmpty(entry.RequestId));
        var changes = JsonNode.Parse(entry.Changes!)!.AsObject();
        Assert.Equal("陳志明", changes["FullName"]!["new"]!.GetValue<string>());
        Assert.Null(changes["FullName"]!["old"]);
    }

    // The actor's person is looked up with the audit head in one round trip: it must still be the
    // person of the signed-in account, and none for an account without a person.
    [Fact]
    public async Task Write_ByAccountWithPerson_NamesThatPerson_WithoutPerson_NamesNone()
    {
        var home = await app.AddUnitAsync(null);
        var userName = "officer-" + Api.Unique();
        var withPerson = await app.ClientAsAsync(new Principal(Roles.SecurityOfficer) { UserName = userName, UnitId = home, Clearance = 3 });
        var personId = await app.QueryAsync(db => db.Set<Person>().Where(p => p.FullName == userName).Select(p => p.Id).SingleAsync());
        var (withoutPerson, _) = await ClientAsync(Roles.SecurityOfficer);

        var first = await withPerson.CreateUnitAsync();
        var second = await withoutPerson.CreateUnitAsync();

        Assert.Equal(personId, Assert.Single(await app.EntriesAsync("Unit", Id(first.Id))).ActorPersonId);
        var other = Assert.Single(await app.EntriesAsync("Unit", Id(second.Id)));
        Assert.NotNull(other.ActorAccountId);
        Assert.Null(other.ActorPersonId);
    }

    [Fact]
    public async Task Write_AfterTheAccountIsLinkedToAPersonOrUnlinked_NamesThePersonOfThatMoment()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var (actor, userName) = await ClientAsync(Roles.SecurityOfficer);
        var before = await actor.CreateUnitAsync();

        // Linked by someone else between two of the actor's writes.
        var body = Api.PersonBody(before.Id);
        body["accountUserName"] = userName;
        var person = await admin.CreatePersonAsync(body);
        var linked = await actor.CreateUnitAsync();

        body["accountUserName"] = null;
        body["version"] = person.Version;
        using (var unlinked = await admin.PutJsonAsync($"/api/v1/persons/{person.Id}", body))
        {
            await unlinked.ExpectAsync(HttpStatusCode.OK);
        }

        var after = await actor.CreateUnitAsync();

        Assert.Null(Assert.Single(await app.EntriesAsync("Unit", Id(before.Id))).ActorPersonId);
        Assert.Equal(person.Id, Assert.Single(await app.EntriesAsync("Unit", Id(linked.Id))).ActorPersonId);
        Assert.Null(Assert.Single(await app.EntriesAsync("Unit", Id(after.Id))).ActorPersonId);
        var check = await app.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
    }

    [Fact]
    public async Task PersonUpdateAndDeactivate_WriteOneEntryEachWithOldAndNew()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var body = Api.PersonBody(unit.Id, "Before Name");
        var person = await admin.CreatePersonAsync(body);

        body["fullName"] = "After Name";
        using (var updated = await admin.PutJsonAsync($"/api/v1/persons/{person.Id}", body))
        {
            await updated.ExpectAsync(HttpStatusCode.OK);
        }

        using (var deactivated = await admin.PostAsync($"/api/v1/persons/{person.Id}/deactivate", null))
        {
            await deactivated.ExpectAsync(HttpStatusCode.OK);
        }

        var entries = await app.EntriesAsync("Person", Id(person.Id));
        Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Update], entries.Select(e => e.Action));
        var update = JsonNode.Parse(entries[1].Changes!)!.AsObject();
        Assert.Equal(("Before Name", "After Name"), (update["FullName"]!["old"]!.GetValue<string>(), update["FullName"]!["new"]!.GetValue<string>()));
        Assert.DoesNotContain("EmployeeNumber", update.Select(p => p.Key)); // unchanged fields are left out
        var deactivation = JsonNode.Parse(entries[2].Changes!)!.AsObject();
        Assert.Null(deactivation["ActiveTo"]!["old"]);
        Assert.NotNull(deactivation["ActiveTo"]!["new"]);
    }

    [Fact]
    public async Task UnitAndVendor_CreateAndUpdate_WriteOneEntryEach()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var vendor = await admin.CreateVendorAsync();

        using (var response = await admin.PutJsonAsync($"/api/v1/units/{unit.Id}", Api.UnitBody(unit.Code, name: "Renamed unit", version: unit.Version)))
        {
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        using (var response = await admin.PutJsonAsync($"/api/v1/vendors/{vendor.Id}", Api.VendorBody("Renamed " + vendor.Name, version: vendor.Version)))
        {
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal([AuditActions.Create, AuditActions.Update], (await app.EntriesAsync("Unit", Id(unit.Id))).Select(e => e.Action));
        Assert.Equal([AuditActions.Create, AuditActions.Update], (await app.EntriesAsync("Vendor", Id(vendor.Id))).Select(e => e.Action));
    }

    [Fact]
    public async Task RoleAddedToAccount_WritesOneEntryNamingTheRole()
    {
        var account = await app.CreateUserAsync(Api.Unique("role-"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(account.Id.ToString()))!, Roles.SecurityOfficer)).Succeeded);
        }

        var roleId = await app.QueryAsync(db => db.Roles.Where(r => r.Name == Roles.SecurityOfficer).Select(r => r.Id).SingleAsync());
        var entry = Assert.Single(await app.EntriesAsync("AccountRole", $"{account.Id}/{roleId}"));
        Assert.Equal(AuditActions.Create, entry.Action);
        Assert.Equal(Roles.SecurityOfficer, JsonNode.Parse(entry.Changes!)!["Role"]!["new"]!.GetValue<string>());
    }

    [Fact]
    public async Task StaleEdit_Is409AndWritesNoEntry()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var body = Api.PersonBody(unit.Id);
        var person = await admin.CreatePersonAsync(body);
        var head = await app.HeadAsync();

        body["version"] = person.Version + 5;
        using var response = await admin.PutJsonAsync($"/api/v1/persons/{person.Id}", body);

        await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Single(await app.EntriesAsync("Person", Id(person.Id)));
        Assert.Equal(head, await app.HeadAsync());
    }

    // The change and its entry are one transaction: a unique index that refuses the change leaves
    // neither the row nor an entry, and the head does not move.
    [Fact]
    public async Task UniqueIndexViolation_WritesNoEntry()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var existing = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
        var (head, count) = (await app.HeadAsync(), await app.CountAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => app.QueryAsync(async db =>
        {
            var clash = new Person { FullName = "Clash", JobFunction = "x", UnitId = unit.Id, EmployeeNumber = existing.EmployeeNumber, ActiveFrom = new DateOnly(2026, 1, 1) };
            db.Add(clash);
            return await db.SaveChangesAsync();
        }));

        Assert.Equal((head, count), (await app.HeadAsync(), await app.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Person>().CountAsync(p => p.FullName == "Clash")));
    }

    // A change is never stored without its entry: with the head row gone (changed by someone with
    // database access) the write fails whole, also when this process believes it knows the head.
    [Fact]
    public async Task HeadRowMissing_WriteFailsAndStoresNothing()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var head = await app.QueryAsync(db => db.Set<AuditHead>().AsNoTracking().SingleAsync());
        var count = await app.CountAsync();
        var name = Api.Unique("Untrailed ");
        await app.QueryAsync(db => db.Set<AuditHead>().ExecuteDeleteAsync());
        try
        {
            using var response = await admin.PostJsonAsync("/api/v1/persons", Api.PersonBody(unit.Id, name));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        finally
        {
            await app.QueryAsync(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AuditHead\" (\"Id\", \"Sequence\", \"Hash\") VALUES ({head.Id}, {head.Sequence}, {head.Hash})"));
        }

        Assert.Equal(0, await app.QueryAsync(db => db.Set<Person>().CountAsync(p => p.FullName == name)));
        Assert.Equal((head.Sequence, count), (await app.HeadAsync(), await app.CountAsync()));
        var after = await admin.CreatePersonAsync(Api.PersonBody(unit.Id));
        Assert.Single(await app.EntriesAsync("Person", Id(after.Id)));
        var check = await app.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
    }

    [Fact]
    public async Task PasswordChangeAndSignIn_NeverWriteSecretValues()
    {
        var userName = Api.Unique("secret-");
        var account = await app.CreateUserAsync(userName);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var tracked = (await users.FindByIdAsync(account.Id.ToString()))!;
            Assert.True((await users.ChangePasswordAsync(tracked, IsmsApp.Password, IsmsApp.Password + "-2")).Succeeded);
            await users.ResetAuthenticatorKeyAsync(tracked);
        }

        using (var failed = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, "wrong-password-wrong"))
        {
            Assert.NotEqual(HttpStatusCode.OK, failed.StatusCode);
        }

        var stored = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        var authenticatorKey = await app.QueryAsync(db => db.UserTokens.AsNoTracking().Where(t => t.UserId == account.Id).Select(t => t.Value).SingleAsync());
        var trail = string.Join("\n", (await app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityId != null && e.EntityId.StartsWith(account.Id.ToString())).Select(e => e.Changes).ToListAsync())));

        Assert.Contains("\"PasswordHash\":{\"redacted\":true}", trail, StringComparison.Ordinal);
        foreach (var secret in new[] { stored.PasswordHash!, stored.SecurityStamp!, stored.ConcurrencyStamp!, authenticatorKey! })
        {
            Assert.DoesNotContain(secret, trail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("wrong-password-wrong", trail, StringComparison.Ordinal);
        Assert.Contains(await app.EntriesAsync(AuditActions.SignInFailed), e => e.Changes!.Contains(userName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SixteenConcurrentWriters_KeepOneUnforkedChainThatVerifies()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var before = await app.HeadAsync();

        var people = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => admin.CreatePersonAsync(Api.PersonBody(unit.Id))));

        var sequences = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => before + i), sequences); // no gap, no duplicate
        foreach (var person in people)
        {
            Assert.Single(await app.EntriesAsync("Person", Id(person.Id)));
        }

        var check = await app.VerifyAsync();
        Assert.True(check.Verification.IsIntact, check.Verification.Problem);
        Assert.Equal(await app.HeadAsync(), check.Verification.Verified);
    }

    [Fact]
    public async Task Auditor_BrowsesFiltersAndExports_AndTheExportIsAudited()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var unit = await admin.CreateUnitAsync();
        var person = await admin.CreatePersonAsync(Api.PersonBody(unit.Id, "林淑芬"));
        var (auditor, auditorName) = await ClientAsync(Roles.Auditor);

        var page = await auditor.GetAsync<Page<AuditEntryResponse>>($"/api/v1/audit?entityType=Person&entityId={person.Id}&action=record&from=2020-01-01");
        var html = await auditor.GetStringAsync($"/Audit?entityType=Person&entityId={person.Id}");
        using var export = await auditor.GetAsync($"/api/v1/audit/export.csv?entityType=Person&entityId={person.Id}");

        Assert.Equal([AuditActions.Create], page.Items.Select(e => e.Action));
        Assert.True(html.Contains($"/Audit/Details/{page.Items[0].Sequence}", StringComparison.Ordinal), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        await export.ExpectAsync(HttpStatusCode.OK);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("sequence,at_utc,at_taipei,actor", csv, StringComparison.Ordinal);
        Assert.Contains("林淑芬", csv, StringComparison.Ordinal);
        var exported = (await app.EntriesAsync(AuditActions.Export)).Last();
        Assert.Equal((nameof(AuditEntry), auditorName), (exported.EntityType, exported.ActorName));
        Assert.Contains("Audit", await auditor.GetStringAsync("/"), StringComparison.Ordinal); // the nav link
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Administrator)]
    public async Task AuditApi_RoleWithoutAuditRead_Is403(string role)
    {
        var client = await app.ClientAsync(role);

        foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit/export.csv", "/api/v1/audit/1" })
        {
            using var response = await client.GetAsync(path);
            await response.ExpectAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task ForbiddenRecord_WritesSecurityEvent()
    {
        var admin = await app.ClientAsync(Roles.SecurityOfficer);
        var person = await admin.CreatePersonAsync(Api.PersonBody((await admin.CreateUnitAsync()).Id));
        var (staff, staffName) = await ClientAsync(Roles.Staff);

        using var api = await staff.GetAsync($"/api/v1/persons/{person.Id}");
        using var page = await staff.GetAsync($"/People/Details/{person.Id}");

        await api.ExpectAsync(HttpStatusCode.Forbidden);
        var events = (await app.EntriesAsync(AuditActions.Forbidden)).Where(e => e.ActorName == staffName).ToList();
        Assert.Equal([Id(person.Id), Id(person.Id)], events.Select(e => e.EntityId));
        Assert.Contains($"/api/v1/persons/{person.Id}", events[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRecord_WritesNotFoundEvent_AndPeopleExportIsAudited()
    {
        var (admin, adminName) = await ClientAsync(Roles.SecurityOfficer);

        using var missing = await admin.GetAsync("/api/v1/persons/987654");
        using var export = await admin.GetAsync("/api/v1/persons/export.csv?status=All");

        await missing.ExpectAsync(HttpStatusCode.NotFound);
        await export.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(await app.EntriesAsync(AuditActions.NotFound), e => e.ActorName == adminName && e.EntityId == "987654");
        var exported = Assert.Single(await app.EntriesAsync(AuditActions.Export), e => e.ActorName == adminName);
        Assert.Equal(nameof(Person), exported.EntityType);
        Assert.DoesNotContain(await app.EntriesAsync(AuditActions.Download), e => e.ActorName == adminName); // recorded once, as the export
    }

    [Fact]
    public async Task SignIn_SuccessAndFailure_AreRecorded()
    {
        var userName = Api.Unique("signin-");
        var account = await app.CreateUserAsync(userName);
        var client = app.AnonymousClient();

        using (var wrong = await IsmsApp.SignInAsync(client, userName, "not-the-password-at-all"))
        {
            Assert.NotEqual(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var right = await IsmsApp.SignInAsync(client, userName, IsmsApp.Password))
        {
            await right.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Single(await app.EntriesAsync(AuditActions.SignInFailed), e => e.EntityId == account.Id.ToString());
        Assert.Single(await app.EntriesAsync(AuditActions.SignInSucceeded), e => e.EntityId == account.Id.ToString());
    }

    // Isms:Lockout:MaxFailedAttempts defaults to 5: the fifth wrong password locks the account.
    [Fact]
    public async Task FifthWrongPassword_RecordsLockout()
    {
        var userName = Api.Unique("lockout-");
        var account = await app.CreateUserAsync(userName);
        var client = app.AnonymousClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await IsmsApp.SignInAsync(client, userName, "not-the-password-at-all");
        }

        Assert.Equal(4, (await app.EntriesAsync(AuditActions.SignInFailed)).Count(e => e.EntityId == account.Id.ToString()));
        var locked = Assert.Single(await app.EntriesAsync(AuditActions.SignInLockedOut), e => e.EntityId == account.Id.ToString());
        Assert.Contains(userName, locked.Changes, StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpClient Client, string UserName)> ClientAsync(string role)
    {
        var userName = Api.Unique("actor-").ToLowerInvariant();
        await app.CreateUserAsync(userName, role);
        var client = app.AnonymousClient();
        using var response = await IsmsApp.SignInAsync(client, userName, IsmsApp.Password);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (client, userName);
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
