using Isms.Web.Features.Audit;
using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

public enum SignInOutcome
{
    SignedIn,
    MustChangePassword,
    SecondFactorRequired,
    Failed,
    LockedOut,
}

/// The one sign-in path for the page and the API. Failures count towards lockout, and an unknown
/// user, a wrong password and a locked account read the same to the caller except for lockout.
/// An account with a second factor gets SecondFactorRequired after the right password; Identity
/// then holds it in a short-lived two-factor cookie until a code or a recovery code completes it.
public sealed class SignInFlow(SignInManager<Account> signIn, UserManager<Account> users, TimeProvider clock, AuditLog audit)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password)
    {
        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            // Spend the same time hashing as for a real account, so timing does not tell who exists.
            users.PasswordHasher.HashPassword(new Account { DisplayName = "" }, password);
            // People type passwords into the user-name field: the trail keeps a fingerprint of an
            // unknown name (enough to see repeated attempts), never the text.
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(Account), null, new { unknownUserNameSha256 = Fingerprint(userName) });
            return SignInOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Identity refuses a locked account before hashing; hash anyway so it takes as long as a wrong password.
            users.PasswordHasher.HashPassword(new Account { DisplayName = "" }, password);
            await audit.RecordAsync(AuditActions.SignInLockedOut, nameof(Account), account.Id.ToString(), new { userName });
            return SignInOutcome.LockedOut;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInOutcome.SecondFactorRequired;
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(Account), account.Id.ToString(), new { userName });
            return SignInOutcome.Failed;
        }

        return await CompleteAsync(http, account);
    }

    /// The second step: a code from the authenticator app, or one of the account's recovery codes
    /// (each works once). Wrong codes of either kind count towards lockout.
    public async Task<SignInOutcome> SecondFactorAsync(HttpContext http, string? code, string? recoveryCode)
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            return SignInOutcome.Failed;
        }

        if (await users.IsLockedOutAsync(account))
        {
            return SignInOutcome.LockedOut;
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        if (!string.IsNullOrWhiteSpace(recoveryCode))
        {
            var failuresBefore = await users.GetAccessFailedCountAsync(account);
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(Normalize(recoveryCode));
            // Identity does not count a wrong recovery code against lockout; this app does.
            if (!result.Succeeded && await users.GetAccessFailedCountAsync(account) == failuresBefore)
            {
                await users.AccessFailedAsync(account);
                result = await users.IsLockedOutAsync(account) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : result;
            }
        }
        else
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(Normalize(code ?? ""), isPersistent: false, rememberClient: false);
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.SignInLockedOut, nameof(Account), account.Id.ToString(), new { userName = account.UserName, step = "second-factor" });
            return SignInOutcome.LockedOut;
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(Account), account.Id.ToString(), new { userName = account.UserName, step = "second-factor" });
            return SignInOutcome.Failed;
        }

        return await CompleteAsync(http, account);
    }

    private static string Fingerprint(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

    /// What people type: "123 456", "abcde-fghij".
    public static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    private async Task<SignInOutcome> CompleteAsync(HttpContext http, Account account)
    {
        account.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(account);
        await audit.RecordAsync(AuditActions.SignInSucceeded, nameof(Account), account.Id.ToString(), new { userName = account.UserName });
        WritePreferenceCookies(http, account);
        return account.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.SignedIn;
    }

    public async Task<IdentityResult> ChangePasswordAsync(HttpContext http, Account account, string current, string next)
    {
        var result = await users.ChangePasswordAsync(account, current, next);
        if (!result.Succeeded)
        {
            return result;
        }

        account.MustChangePassword = false;
        await users.UpdateAsync(account);
        await users.UpdateSecurityStampAsync(account);
        await signIn.RefreshSignInAsync(account);
        return result;
    }

    public static void WritePreferenceCookies(HttpContext http, Account account)
    {
        var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) };
        if (account.PreferredCulture is { } culture)
        {
            http.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                LocalizationSetup.CultureCookieValue(culture), options);
        }
        else
        {
            http.Response.Cookies.Delete(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName);
        }

        http.Response.Cookies.Append(DisplayFormat.RocCookie, account.ShowRocYears ? "1" : "0", options);
    }
}
