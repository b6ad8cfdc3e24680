using Isms.Web.Data;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Accounts;

public sealed record AccountResponse(
    Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool MfaEnabled, AccountState State,
    DateTimeOffset? LockedUntil, bool MustChangePassword, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt);

public sealed record OneTimePasswordResponse(string UserName, string OneTimePassword);

/// The account list and details as administrators read them; never the hashes, stamps or keys.
public static class AccountReads
{
    public static async Task<Page<AccountResponse>> SearchAsync(IsmsDbContext db, string? q, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var upper = q.Trim().ToUpperInvariant();
            var lower = q.Trim().ToLowerInvariant();
            query = query.Where(a => a.NormalizedUserName!.Contains(upper) || a.DisplayName.ToLower().Contains(lower));
        }

        var total = await query.CountAsync(cancellationToken);
        var accounts = await query.OrderBy(a => a.NormalizedUserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<AccountResponse>(await ToResponsesAsync(db, accounts, now, cancellationToken), total, page, pageSize);
    }

    public static async Task<AccountResponse?> FindAsync(IsmsDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is null ? null : (await ToResponsesAsync(db, [account], now, cancellationToken)).Single();
    }

    private static async Task<IReadOnlyList<AccountResponse>> ToResponsesAsync(IsmsDbContext db, List<Account> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        return accounts.Select(a =>
        {
            var state = AccountActions.StateOf(a, now);
            return new AccountResponse(a.Id, a.UserName ?? "", a.DisplayName,
                roles.Where(r => r.UserId == a.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
                a.TwoFactorEnabled, state, state == AccountState.Locked ? a.LockoutEnd : null, a.MustChangePassword, a.LastSignInAt, a.CreatedAt);
        }).ToList();
    }
}
