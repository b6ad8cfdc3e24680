using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Security;

namespace Isms.Web.Features.People;

/// Which persons a caller may read. The register itself is not classified: administrators (who
/// keep it) and org-wide readers see everyone; a Manager sees the persons of their units and
/// sub-units; anyone sees their own person record.
public static class PersonAccess
{
    public static async Task<IQueryable<Person>> VisiblePeopleAsync(this Caller caller, IsmsDbContext db, CancellationToken cancellationToken)
    {
        var people = db.Set<Person>();
        if (caller.IsInRole(Roles.Administrator))
        {
            return people;
        }

        var scope = await caller.ScopeAsync(cancellationToken);
        if (scope.AllUnits)
        {
            return people;
        }

        var units = scope.ReadableUnitIds.ToList();
        var accountId = scope.AccountId;
        return people.Where(p => units.Contains(p.UnitId) || p.AccountId == accountId);
    }
}
