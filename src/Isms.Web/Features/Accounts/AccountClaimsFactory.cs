using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Accounts;

/// The claims of a session. Identity rebuilds them at sign-in and at every security stamp check,
/// so a claim derived here (such as "must enrol a second factor") follows the account's state.
public sealed class AccountClaimsFactory(
    UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(users, roles, options)
{
    public const string MustChangePassword = "isms:must_change_password";
    public const string MustEnrolMfa = "isms:must_enrol_mfa";
    public const string DisplayName = "isms:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        // The base adds the claims of the user's roles, among them MfaPolicy.ClaimType.
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        // A service account has no password and never signs in interactively: its tokens are its
        // only credential, so there is nothing to enrol.
        if (!user.TwoFactorEnabled && !user.IsServiceAccount && identity.HasClaim(MfaPolicy.ClaimType, "true"))
        {
            identity.AddClaim(new Claim(MustEnrolMfa, "true"));
        }

        return identity;
    }
}
