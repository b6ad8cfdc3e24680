using System.Net;
using System.Text.RegularExpressions;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Accounts;

/// Issue 3, item 1: administrators reset passwords (a change is forced at the next sign-in and open
/// sessions end), lock, disable, reset MFA and end sessions; nobody else may.
public abstract class AccountAdminTests(IsmsApp app)
{
    [Fact]
    public async Task ResetPassword_ByApi_EndsSessions_AndForcesAChangeAtNextSignIn()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var (holder, account, userName) = await app.SignedInUserAsync(Roles.Auditor);

        using var reset = await admin.PostAsync($"/api/v1/accounts/{account.Id}/reset-password", null);
        var oneTime = (await reset.ReadAsync<OneTimePasswordResponse>()).OneTimePassword;

        using (var ended = await holder.GetAsync(Api.PersonsUrl))
        {
            await ended.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var old = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, IsmsApp.Password))
        {
            await old.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        var client = app.AnonymousClient();
        using var signIn = await IsmsApp.SignInAsync(client, userName, oneTime);
        Assert.True((await signIn.ReadAsync<SignInResponse>()).MustChangePassword);
        using var held = await client.GetAsync(Api.PersonsUrl);
        await held.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ResetPassword_OnTheDetailsPage_ShowsTheOneTimePasswordOnce()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var (holder, account, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var page = $"/Accounts/Admin/Details/{account.Id}";

        using var reset = await Forms.PostAsync(admin, page, new Dictionary<string, string>(), handler: "ResetPassword");

        await reset.ExpectAsync(HttpStatusCode.OK);
        var oneTime = Regex.Match(await reset.Content.ReadAsStringAsync(), "id=\"one-time-password\">([^<]+)<").Groups[1].Value;
        Assert.Equal(20, oneTime.Length);
        Assert.DoesNotContain(oneTime, await admin.GetStringAsync(page), StringComparison.Ordinal);
        using var ended = await holder.GetAsync(Api.PersonsUrl);
        await ended.ExpectAsync(HttpStatusCode.Unauthorized);
        using var signIn = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, oneTime);
        Assert.True((await signIn.ReadAsync<SignInResponse>()).MustChangePassword);
    }

    [Fact]
    public async Task SignOutEverywhere_ByAnAdministrator_EndsTheAccountsSessions()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var (holder, account, _) = await app.SignedInUserAsync(Roles.Auditor);

        using var post = await admin.PostAsync($"/api/v1/accounts/{account.Id}/sign-out-everywhere", null);

        await post.ExpectAsync(HttpStatusCode.NoContent);
        using var ended = await holder.GetAsync(Api.PersonsUrl);
        await ended.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disable_EndsSessionsAndRefusesSignIn_UntilEnabled()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var (holder, account, userName) = await app.SignedInUserAsync(Roles.Auditor);

        using (var disable = await admin.PostAsync($"/api/v1/accounts/{account.Id}/disable", null))
        {
            await disable.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var ended = await holder.GetAsync(Api.PersonsUrl))
        {
            await ended.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var refused = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, IsmsApp.Password))
        {
            await refused.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        var listed = await admin.GetAsync<AccountResponse>($"/api/v1/accounts/{account.Id}");
        Assert.Equal(AccountState.Disabled, listed.State);

        using (var enable = await admin.PostAsync($"/api/v1/accounts/{account.Id}/unlock", null))
        {
            await enable.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var again = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, IsmsApp.Password);
        await again.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disable_OwnAccount_Is409AndChangesNothing()
    {
        var (admin, account, _) = await app.SignedInUserAsync(Roles.Administrator);

        using var disable = await admin.PostAsync($"/api/v1/accounts/{account.Id}/disable", null);

        await disable.ExpectAsync(HttpStatusCode.Conflict);
        using var still = await admin.GetAsync("/api/v1/accounts");
        await still.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unlock_AfterFailedSignIns_LetsTheRightPasswordIn()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var userName = Api.Unique("user");
        var account = await app.CreateUserAsync(userName, Roles.Staff);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, $"wrong-password-{attempt}");
        }

        Assert.Equal(AccountState.Locked, (await admin.GetAsync<AccountResponse>($"/api/v1/accounts/{account.Id}")).State);
        using var unlock = await Forms.PostAsync(admin, $"/Accounts/Admin/Details/{account.Id}", new Dictionary<string, string>(), handler: "Unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);

        using var signIn = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, IsmsApp.Password);
        await signIn.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_SearchesAndPages()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var tag = Api.Unique("list").ToLowerInvariant();
        for (var i = 0; i < 3; i++)
        {
            await app.CreateUserAsync($"{tag}-{i}", Roles.Staff);
        }

        var page = await admin.GetAsync<Page<AccountResponse>>($"/api/v1/accounts?q={tag}&page=2&pageSize=2");

        Assert.Equal(3, page.Total);
        Assert.Equal($"{tag}-2", Assert.Single(page.Items).UserName);
        var html = await admin.GetStringAsync($"/Accounts/Admin?q={tag}");
        Assert.Contains($"{tag}-0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", html, StringComparison.Ordinal);
    }

    // STYLE 10: every rule has an HTTP test that expects 403.
    [Theory]
    [InlineData(Roles.SecurityOfficer)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Staff)]
    public async Task AccountAdministration_OtherRoles_AreRefused(string role)
    {
        var client = await app.ClientAsync(role);
        var target = await app.CreateUserAsync(Api.Unique("target"), Roles.Staff);

        using var list = await client.GetAsync("/api/v1/accounts");
        using var reset = await client.PostAsync($"/api/v1/accounts/{target.Id}/reset-password", null);
        using var page = await client.GetAsync("/Accounts/Admin");
        using var roles = await client.GetAsync("/Accounts/Admin/MfaRoles");

        await list.ExpectAsync(HttpStatusCode.Forbidden);
        await reset.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("/Accounts/Denied", page.Headers.Location?.AbsolutePath);
        Assert.Equal("/Accounts/Denied", roles.Headers.Location?.AbsolutePath);
        Assert.False(await app.QueryAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.MustChangePassword).SingleAsync()));
    }
}

public sealed class AccountAdminTestsOnSqlite(SqliteApp app) : AccountAdminTests(app), IClassFixture<SqliteApp>;

public sealed class AccountAdminTestsOnPostgres(PostgresApp app) : AccountAdminTests(app), IClassFixture<PostgresApp>;
