using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Accounts;

/// Issue 3, item 1: TOTP two-factor sign-in with authenticator apps, recovery codes, and MFA an
/// administrator makes mandatory per role. Codes are computed in the test (RFC 6238).
public sealed class MfaTests(MandatoryMfaApp app) : IClassFixture<MandatoryMfaApp>
{
    [Fact]
    public async Task Enrolled_SignIn_NeedsTheCodeFromTheApp()
    {
        var (client, _, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var (key, codes) = await IsmsApp.EnrolMfaAsync(client);
        Assert.Equal(10, codes.Count);

        var next = app.AnonymousClient();
        using var password = await IsmsApp.SignInAsync(next, userName, IsmsApp.Password);
        Assert.True((await password.ReadAsync<SignInResponse>()).SecondFactorRequired);
        using (var notYet = await next.GetAsync(Api.PersonsUrl))
        {
            await notYet.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var code = await IsmsApp.SecondFactorAsync(next, code: Totp.NextCode(key));

        Assert.False((await code.ReadAsync<SignInResponse>()).SecondFactorRequired);
        using var read = await next.GetAsync(Api.PersonsUrl);
        await read.ExpectAsync(HttpStatusCode.OK);
    }

    // RFC 6238 §5.2: a code that has signed in once does not sign in again.
    [Fact]
    public async Task SameCode_SecondTime_IsRefused()
    {
        var (client, _, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var (key, _) = await IsmsApp.EnrolMfaAsync(client);
        var code = Totp.NextCode(key);
        var first = app.AnonymousClient();
        using (var password = await IsmsApp.SignInAsync(first, userName, IsmsApp.Password))
        using (var used = await IsmsApp.SecondFactorAsync(first, code: code))
        {
            await used.ExpectAsync(HttpStatusCode.OK);
        }

        var second = app.AnonymousClient();
        using (var password = await IsmsApp.SignInAsync(second, userName, IsmsApp.Password))
        {
            Assert.True((await password.ReadAsync<SignInResponse>()).SecondFactorRequired);
        }

        using var replayed = await IsmsApp.SecondFactorAsync(second, code: code);

        await replayed.ExpectAsync(HttpStatusCode.Unauthorized);
        using var read = await second.GetAsync(Api.PersonsUrl);
        await read.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TurningMfaOff_NeedsThePassword_ThenSignInNeedsNoCode()
    {
        var (client, account, userName) = await app.SignedInUserAsync(Roles.Auditor);
        await IsmsApp.EnrolMfaAsync(client);

        using (var wrong = await client.PostAsJsonAsync("/api/v1/auth/mfa/disable", new { password = "not-the-password-at-all" }))
        {
            Api.AssertNamesField(await wrong.ErrorFieldsAsync(), "password");
        }

        Assert.True(await app.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        using (var off = await client.PostAsJsonAsync("/api/v1/auth/mfa/disable", new { password = IsmsApp.Password }))
        {
            await off.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var again = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, IsmsApp.Password);
        Assert.False((await again.ReadAsync<SignInResponse>()).SecondFactorRequired);
        Assert.Equal(0, (await client.GetAsync<MfaStatusResponse>("/api/v1/auth/mfa")).RecoveryCodesLeft);
    }

    [Fact]
    public async Task SecondFactor_WithoutThePasswordStep_IsRefused()
    {
        using var response = await IsmsApp.SecondFactorAsync(app.AnonymousClient(), code: "123456");

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnceOnly()
    {
        var (client, account, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var (_, codes) = await IsmsApp.EnrolMfaAsync(client);

        var first = app.AnonymousClient();
        using (var password = await IsmsApp.SignInAsync(first, userName, IsmsApp.Password))
        {
            await password.ExpectAsync(HttpStatusCode.OK);
        }

        using (var used = await IsmsApp.SecondFactorAsync(first, recoveryCode: codes[0].ToLowerInvariant()))
        {
            await used.ExpectAsync(HttpStatusCode.OK);
        }

        var second = app.AnonymousClient();
        using (var password = await IsmsApp.SignInAsync(second, userName, IsmsApp.Password))
        {
            await password.ExpectAsync(HttpStatusCode.OK);
        }

        using var again = await IsmsApp.SecondFactorAsync(second, recoveryCode: codes[0]);

        await again.ExpectAsync(HttpStatusCode.Unauthorized);
        var status = await first.GetAsync<MfaStatusResponse>("/api/v1/auth/mfa");
        Assert.Equal(9, status.RecoveryCodesLeft);
        Assert.Equal(1, await app.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    // Failed codes count towards lockout like failed passwords (5 attempts).
    [Fact]
    public async Task WrongCodes_LockTheAccount_EvenForTheRightCode()
    {
        var (client, _, userName) = await app.SignedInUserAsync(Roles.Auditor);
        var (key, _) = await IsmsApp.EnrolMfaAsync(client);
        var next = app.AnonymousClient();
        using (var password = await IsmsApp.SignInAsync(next, userName, IsmsApp.Password))
        {
            await password.ExpectAsync(HttpStatusCode.OK);
        }

        var wrong = ((int.Parse(Totp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var refused = await IsmsApp.SecondFactorAsync(next, code: wrong);
            await refused.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var right = await IsmsApp.SecondFactorAsync(next, code: Totp.NextCode(key));

        await right.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var read = await next.GetAsync(Api.PersonsUrl);
        await read.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MandatoryRole_WithoutMfa_IsHeldAtEnrolment_ThenReleased()
    {
        var (client, _, _) = await app.SignedInUserAsync(Roles.SecurityOfficer);

        using (var api = await client.GetAsync(Api.PersonsUrl))
        {
            await api.ExpectAsync(HttpStatusCode.Forbidden);
            var problem = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
            Assert.Equal(AccountGates.MfaEnrolmentRequiredType, problem["type"]!.GetValue<string>());
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }

        using (var page = await client.GetAsync("/People"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/Accounts/Mfa/Enrol", page.Headers.Location?.OriginalString);
        }

        using (var enrolPage = await client.GetAsync("/Accounts/Mfa/Enrol"))
        {
            await enrolPage.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("data:image/png;base64,", await enrolPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await IsmsApp.EnrolMfaAsync(client);

        using var released = await client.GetAsync(Api.PersonsUrl);
        await released.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EnrolmentPage_WrongCode_KeepsMfaOff_RightCodeShowsTenRecoveryCodes()
    {
        var (client, account, _) = await app.SignedInUserAsync(Roles.Staff);
        var html = await client.GetStringAsync("/Accounts/Mfa/Enrol");
        var key = System.Text.RegularExpressions.Regex.Match(html, "id=\"manual-key\">([^<]+)<").Groups[1].Value;

        using (var wrong = await Forms.PostAsync(client, "/Accounts/Mfa/Enrol", new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" }))
        {
            await wrong.ExpectAsync(HttpStatusCode.OK);
            Assert.False(await app.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        }

        using var right = await Forms.PostAsync(client, "/Accounts/Mfa/Enrol", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });

        await right.ExpectAsync(HttpStatusCode.OK);
        var codes = System.Text.RegularExpressions.Regex.Matches(await right.Content.ReadAsStringAsync(), "<li><code>([^<]+)</code></li>");
        Assert.Equal(10, codes.Count);
        Assert.True(await app.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task AdministratorToggle_MakesMfaMandatoryForARole()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        await IsmsApp.EnrolMfaAsync(admin);
        var (manager, _, _) = await app.SignedInUserAsync(Roles.Manager);
        using (var before = await manager.GetAsync(Api.PersonsUrl))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
        }

        KeyValuePair<string, string>[] required = [new("RequiredRoles", Roles.Administrator), new("RequiredRoles", Roles.SecurityOfficer), new("RequiredRoles", Roles.Manager)];
        try
        {
            using var save = await Forms.PostAsync(admin, "/Accounts/Admin/MfaRoles", required);
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
            Assert.Contains("value=\"Manager\" checked", await admin.GetStringAsync("/Accounts/Admin/MfaRoles"), StringComparison.Ordinal);

            using var held = await manager.GetAsync(Api.PersonsUrl);
            await held.ExpectAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            await app.WithScopeAsync(services => services.GetRequiredService<MfaPolicy>().SetAsync(Roles.Manager, false));
        }
    }

    [Fact]
    public async Task Defaults_MandatoryForAdministratorAndSecurityOfficer()
    {
        await app.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            // A database from before MFA existed has no setting on the roles: the seed adds the defaults.
            foreach (var role in await roles.Roles.ToListAsync())
            {
                foreach (var claim in (await roles.GetClaimsAsync(role)).Where(c => c.Type == MfaPolicy.ClaimType))
                {
                    await roles.RemoveClaimAsync(role, claim);
                }
            }

            await services.GetRequiredService<AccountAdmin>().EnsureRolesAsync();
            var required = await services.GetRequiredService<MfaPolicy>().ReadAsync();
            Assert.Equal([Roles.Administrator, Roles.SecurityOfficer], required.Where(r => r.Value).Select(r => r.Key).Order().ToArray());
        });
    }
}
