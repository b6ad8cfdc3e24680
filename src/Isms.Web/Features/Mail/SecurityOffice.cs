using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Mail;

/// Who hears of security news first: the security officers with an e-mail address on their person
/// record, and the extra addresses a setting names (a shared mailbox).
public static class SecurityOffice
{
    public static async Task<List<string>> RecipientsAsync(IsmsDbContext db, string? extra, CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.SecurityOfficer).Select(r => r.Id);
        var accounts = db.UserRoles.Where(g => roleIds.Contains(g.RoleId)).Select(g => g.UserId);
        var officers = await db.Set<Person>().AsNoTracking()
            .Where(p => p.AccountId != null && accounts.Contains(p.AccountId.Value) && p.Email != null)
            .Select(p => p.Email!).ToListAsync(cancellationToken);
        var more = (extra ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return officers.Concat(more).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
