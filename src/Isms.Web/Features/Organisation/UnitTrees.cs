using Isms.Core.Organisation;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation;

/// The unit tree as the database holds it now, for "this unit and every unit inside it".
public static class UnitTrees
{
    public static async Task<UnitTree> LoadAsync(IsmsDbContext db, CancellationToken cancellationToken) =>
        new(await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken));
}
