using System.Security.Claims;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

/// Which roles must use a second factor, stored as a claim on the role rows ("true" or "false"), so
/// no table of its own is needed. Identity copies role claims into every member's principal.
public sealed class MfaPolicy(RoleManager<IdentityRole<Guid>> roles)
{
    public const string ClaimType = "isms.mfa-required";

    /// Mandatory by default for the roles that administer the platform and see everything ISMS.
    public static readonly string[] RequiredByDefault = [Roles.Administrator, Roles.SecurityOfficer];

    public async Task<IReadOnlyDictionary<string, bool>> ReadAsync()
    {
        var result = new Dictionary<string, bool>();
        foreach (var name in Roles.All)
        {
            var role = await roles.FindByNameAsync(name);
            result[name] = role is not null && (await roles.GetClaimsAsync(role)).Any(c => c.Type == ClaimType && c.Value == "true");
        }

        return result;
    }

    public async Task SetAsync(string roleName, bool required)
    {
        var role = await roles.FindByNameAsync(roleName) ?? throw new InvalidOperationException($"No role {roleName}.");
        foreach (var claim in (await roles.GetClaimsAsync(role)).Where(c => c.Type == ClaimType))
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        await roles.AddClaimAsync(role, new Claim(ClaimType, required ? "true" : "false"));
    }

    /// Gives a role its default when it has no setting yet (a new database, or one from before MFA
    /// existed); an administrator's later choice, stored as "false", is kept.
    public async Task SeedDefaultAsync(IdentityRole<Guid> role)
    {
        if (!(await roles.GetClaimsAsync(role)).Any(c => c.Type == ClaimType))
        {
            await roles.AddClaimAsync(role, new Claim(ClaimType, RequiredByDefault.Contains(role.Name) ? "true" : "false"));
        }
    }
}
