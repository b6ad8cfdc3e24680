using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

/// Ending an account's sessions. Every session carries the account's security stamp; changing the
/// stamp makes every session fail its next check (Isms:Session:StampCheckSeconds).
public static class AccountSessions
{
    /// Call after adding or removing roles of an account: Identity does not change the stamp for
    /// role changes itself, and a session must not keep the rights of its old roles.
    public static Task<IdentityResult> RolesChangedAsync(this UserManager<Account> users, Account account) =>
        users.UpdateSecurityStampAsync(account);

    /// "Sign out everywhere": every session of the account, in every browser and client, ends.
    public static Task<IdentityResult> SignOutEverywhereAsync(this UserManager<Account> users, Account account) =>
        users.UpdateSecurityStampAsync(account);
}
