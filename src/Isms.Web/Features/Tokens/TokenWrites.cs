using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Tokens;

/// Making, listing and revoking access tokens, and the service accounts that hold them.
public sealed class TokenWrites(IsmsDbContext db, UserManager<Account> users, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CreatedToken> CreateAsync(Guid accountId, TokenRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Set<Account>().AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            throw new RecordNotFoundException("Account", accountId);
        }

        var secret = TokenSecret.NewToken();
        var now = clock.GetUtcNow();
        var token = new AccessToken
        {
            AccountId = accountId,
            Name = request.Name.Trim(),
            Scope = request.Scope,
            Hash = TokenSecret.HashOf(secret),
            Prefix = secret[..12],
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpiresInDays),
        };
        db.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(ToResponse(token), secret);
    }

    public Task<List<TokenResponse>> ListAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Set<AccessToken>().AsNoTracking().Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenResponse(t.Id, t.Name, t.Scope, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);

    /// Revokes one of the account's tokens; another account's token answers as if it did not exist.
    public async Task RevokeAsync(Guid accountId, Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId, cancellationToken)
            ?? throw new RecordNotFoundException("Token", tokenId);
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    // Writing "last used" on every call would add a second write to every call.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    /// Notes when the token was last used, to the nearest few minutes.
    public async Task TouchAsync(Guid tokenId, DateTimeOffset? lastUsed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (lastUsed is { } last && now - last <= LastUsedResolution)
        {
            return;
        }

        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is not null && (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<Account> CreateServiceAccountAsync(ServiceAccountRequest request, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(request.Role, StringComparer.Ordinal))
        {
            throw InputRejectedException.For(nameof(request.Role), text["Choose a role."]);
        }

        if (await users.FindByNameAsync(request.UserName.Trim()) is not null)
        {
            throw InputRejectedException.For(nameof(request.UserName), text["An account with this user name exists already."]);
        }

        var account = new Account
        {
            UserName = request.UserName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName.Trim() : request.DisplayName.Trim(),
            IsServiceAccount = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(account));
        Check(await users.AddToRoleAsync(account, request.Role));
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// The service account for `isms tokens create`: made with the role when missing, given the
    /// role when it lacks it. A person's account is refused: people make their own tokens.
    public async Task<Account> EnsureServiceAccountAsync(string userName, string role, CancellationToken cancellationToken)
    {
        var account = await users.FindByNameAsync(userName.Trim());
        if (account is null)
        {
            return await CreateServiceAccountAsync(new ServiceAccountRequest { UserName = userName, Role = role }, cancellationToken);
        }

        if (!account.IsServiceAccount)
        {
            throw new RuleViolationException("token.not-service-account",
                $"\"{userName}\" is a person's account, not a service account: its holder makes personal tokens in the application.");
        }

        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            throw InputRejectedException.For("Role", text["Choose a role."]);
        }

        if (!await users.IsInRoleAsync(account, role))
        {
            Check(await users.AddToRoleAsync(account, role));
        }

        return account;
    }

    public async Task<List<ServiceAccountResponse>> ListServiceAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Set<Account>().AsNoTracking().Where(a => a.IsServiceAccount).OrderBy(a => a.UserName).ToListAsync(cancellationToken);
        var result = new List<ServiceAccountResponse>();
        foreach (var account in accounts)
        {
            result.Add(await DescribeAsync(account, cancellationToken));
        }

        return result;
    }

    public async Task<ServiceAccountResponse> DescribeAsync(Account account, CancellationToken cancellationToken) =>
        new(account.Id, account.UserName ?? "", account.DisplayName, [.. await users.GetRolesAsync(account)], await ListAsync(account.Id, cancellationToken));

    public async Task<Account> FindServiceAccountAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id && a.IsServiceAccount, cancellationToken)
        ?? throw new RecordNotFoundException("Service account", id);

    public static TokenResponse ToResponse(AccessToken t) => new(t.Id, t.Name, t.Scope, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw InputRejectedException.For("UserName", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
