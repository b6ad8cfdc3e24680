using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

public enum AccountState
{
    Active,
    Locked,
    Disabled,
}

/// What an administrator does to an account, for the pages and the API alike. Each action that
/// takes rights away also changes the security stamp, so the account's open sessions end.
public sealed class AccountActions(UserManager<Account> users, TimeProvider clock)
{
    /// Lockout until the end of time is how Identity spells "disabled".
    public static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    public static AccountState StateOf(Account account, DateTimeOffset now) => account.LockoutEnd switch
    {
        { } end when end == Forever => AccountState.Disabled,
        { } end when end > now => AccountState.Locked,
        _ => AccountState.Active,
    };

    /// A new one-time password, returned once and stored only as a hash; the holder must replace it
    /// at the next sign-in, and every session of the account ends now.
    public async Task<string> ResetPasswordAsync(Account account)
    {
        if (account.IsServiceAccount)
        {
            throw new Isms.Core.RuleViolationException("account.service-account-password",
                "A service account has no password: it works with access tokens only.");
        }

        var password = AccountAdmin.NewOneTimePassword();
        var token = await users.GeneratePasswordResetTokenAsync(account);
        Check(await users.ResetPasswordAsync(account, token, password));
        account.MustChangePassword = true;
        Check(await users.UpdateAsync(account));
        Check(await users.UpdateSecurityStampAsync(account));
        return password;
    }

    public async Task LockAsync(Account account, TimeSpan duration)
    {
        Check(await users.SetLockoutEndDateAsync(account, clock.GetUtcNow() + duration));
        Check(await users.UpdateSecurityStampAsync(account));
    }

    public async Task DisableAsync(Account account)
    {
        Check(await users.SetLockoutEndDateAsync(account, Forever));
        Check(await users.UpdateSecurityStampAsync(account));
    }

    /// Ends a lockout or a disablement, and forgets the failed attempts.
    public async Task UnlockAsync(Account account)
    {
        Check(await users.SetLockoutEndDateAsync(account, null));
        Check(await users.ResetAccessFailedCountAsync(account));
    }

    /// Turns the second factor off and forgets the authenticator key and the recovery codes; a role
    /// that requires MFA then holds the account at enrolment after its next sign-in.
    public async Task ResetMfaAsync(Account account)
    {
        Check(await users.SetTwoFactorEnabledAsync(account, false));
        Check(await users.ResetAuthenticatorKeyAsync(account));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 0);
        Check(await users.UpdateSecurityStampAsync(account));
    }

    public async Task SignOutEverywhereAsync(Account account) => Check(await users.SignOutEverywhereAsync(account));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
