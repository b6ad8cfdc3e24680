using System.Net;
using System.Net.Http.Json;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Accounts;

/// Issue 3, item 2: a session ends when the account's password or roles change, when it is signed
/// out everywhere, and when an administrator resets the password.
public abstract class SessionTests(IsmsApp app)
{
    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherSessionsOfTheAccount()
    {
        var (first, _, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var second = app.AnonymousClient();
        using (var signIn = await IsmsApp.SignInAsync(second, userName, IsmsApp.Password))
        {
            await signIn.ExpectAsync(HttpStatusCode.OK);
        }

        using (var before = await second.GetAsync(Api.PersonsUrl))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
        }

        using var everywhere = await first.PostAsync("/api/v1/auth/sign-out-everywhere", null);
        await everywhere.ExpectAsync(HttpStatusCode.NoContent);

        using var other = await second.GetAsync(Api.PersonsUrl);
        await other.ExpectAsync(HttpStatusCode.Unauthorized);
        using var own = await first.GetAsync(Api.PersonsUrl);
        await own.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOutEverywhere_FromThePreferencesPage_EndsTheOtherSessions()
    {
        var (first, _, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var second = app.AnonymousClient();
        using (var signIn = await IsmsApp.SignInAsync(second, userName, IsmsApp.Password))
        {
            await signIn.ExpectAsync(HttpStatusCode.OK);
        }

        using var post = await Forms.PostAsync(first, "/Accounts/Preferences", new Dictionary<string, string>(), handler: "SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        using var other = await second.GetAsync(Api.PersonsUrl);
        await other.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RoleChange_WithTheHelper_EndsTheSession()
    {
        var (client, account, _) = await app.SignedInUserAsync(Roles.Auditor);
        using (var before = await client.GetAsync(Api.PersonsUrl))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
        }

        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<Account>>();
            var stored = (await users.FindByIdAsync(account.Id.ToString()))!;
            Assert.True((await users.AddToRoleAsync(stored, Roles.Staff)).Succeeded);
            Assert.True((await users.RolesChangedAsync(stored)).Succeeded);
        });

        using var after = await client.GetAsync(Api.PersonsUrl);
        await after.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var (first, _, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var second = app.AnonymousClient();
        using (var signIn = await IsmsApp.SignInAsync(second, userName, IsmsApp.Password))
        {
            await signIn.ExpectAsync(HttpStatusCode.OK);
        }

        using var change = await first.PostAsJsonAsync("/api/v1/auth/change-password",
            new { currentPassword = IsmsApp.Password, newPassword = "a-new-password-of-my-own" });
        await change.ExpectAsync(HttpStatusCode.NoContent);

        using var other = await second.GetAsync(Api.PersonsUrl);
        await other.ExpectAsync(HttpStatusCode.Unauthorized);
        using var own = await first.GetAsync(Api.PersonsUrl);
        await own.ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;

/// Issue 3, item 2: idle timeout 30 minutes (sliding) and an absolute lifetime of 12 hours.
public sealed class SessionLifetimeTests(ShiftedClockApp app) : IClassFixture<ShiftedClockApp>
{
    [Fact]
    public async Task Session_UsedEvery25Minutes_EndsAfter12Hours()
    {
        var (client, _, _) = await app.SignedInUserAsync(Roles.Auditor);
        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(25) < TimeSpan.FromHours(12))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(25));
            elapsed += TimeSpan.FromMinutes(25);
            using var alive = await client.GetAsync(Api.PersonsUrl);
            Assert.True(alive.StatusCode == HttpStatusCode.OK, $"The session ended after {elapsed}, before 12 hours: {(int)alive.StatusCode}");
        }

        app.Clock.Advance(TimeSpan.FromHours(12) - elapsed + TimeSpan.FromMinutes(1));

        using var ended = await client.GetAsync(Api.PersonsUrl);
        await ended.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_Idle31Minutes_Ends()
    {
        var (client, _, _) = await app.SignedInUserAsync(Roles.Auditor);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using (var alive = await client.GetAsync(Api.PersonsUrl))
        {
            await alive.ExpectAsync(HttpStatusCode.OK);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        using var ended = await client.GetAsync(Api.PersonsUrl);
        await ended.ExpectAsync(HttpStatusCode.Unauthorized);
    }
}
