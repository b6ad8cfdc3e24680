using System.Security.Cryptography;
using Isms.Web.Data;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Accounts;

public sealed record CreatedAdmin(string UserName, string Password);

/// Creating administrators: the bootstrap one at first start and `isms users create-admin`.
public sealed class AccountAdmin(UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, MfaPolicy mfa, IsmsDbContext db, TimeProvider clock)
{
    public const string BootstrapUserName = "admin";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }

            await mfa.SeedDefaultAsync((await roles.FindByNameAsync(role))!);
        }
    }

    /// On first start there is no account: make `admin` with a one-time password. While that
    /// account has never signed in, every start prints a fresh one, so a lost console is no lock-out.
    public async Task<CreatedAdmin?> EnsureBootstrapAdminAsync()
    {
        await EnsureRolesAsync();
        var admin = await users.FindByNameAsync(BootstrapUserName);
        if (admin is null && await db.Users.AnyAsync())
        {
            return null;
        }

        if (admin is not null && (admin.LastSignInAt is not null || !admin.MustChangePassword))
        {
            return null;
        }

        var password = NewOneTimePassword();
        if (admin is null)
        {
            return await CreateAdminAsync(BootstrapUserName, "Administrator", password, mustChange: true);
        }

        await users.RemovePasswordAsync(admin);
        Check(await users.AddPasswordAsync(admin, password));
        return new CreatedAdmin(BootstrapUserName, password);
    }

    public async Task<CreatedAdmin> CreateAdminAsync(string userName, string displayName, string? password, bool mustChange)
    {
        await EnsureRolesAsync();
        var account = new Account
        {
            UserName = userName,
            DisplayName = displayName,
            MustChangePassword = mustChange || password is null,
            CreatedAt = clock.GetUtcNow(),
        };
        password ??= NewOneTimePassword();
        Check(await users.CreateAsync(account, password));
        Check(await users.AddToRolesAsync(account, [Roles.Administrator, Roles.SecurityOfficer]));
        return new CreatedAdmin(userName, password);
    }

    public static string NewOneTimePassword()
    {
        // 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): typed by hand once.
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
