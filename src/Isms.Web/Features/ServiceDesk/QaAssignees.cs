using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

public sealed record QaAssignee(int PersonId, string FullName, string? Email);

/// Who forms can be assigned to: the active persons whose accounts hold the service desk role.
public static class QaAssignees
{
    public static async Task<IReadOnlyList<QaAssignee>> ListAsync(IsmsDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.ServiceDesk).Select(r => r.Id);
        var accounts = db.UserRoles.Where(g => roleIds.Contains(g.RoleId)).Select(g => g.UserId);
        return await db.Set<Person>().AsNoTracking()
            .Where(ActiveOn.Day(today))
            .Where(p => p.AccountId != null && accounts.Contains(p.AccountId.Value))
            .OrderBy(p => p.FullName)
            .Select(p => new QaAssignee(p.Id, p.FullName, p.Email))
            .ToListAsync(cancellationToken);
    }
}
