using System.Security.Claims;
using Isms.Core.Access;
using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Access;

/// The signed-in caller of this request and what they may see, worked out once per request.
/// Default reach of each role when the account has no scope row for it:
/// SecurityOfficer and Auditor read every unit; a Manager reads the unit of their own person record
/// and its sub-units; Staff and Vendor read their own records (and their vendor's, for Vendor);
/// Administrator reads no unit's records, only what is shared with everyone at the lowest level. A scope row narrows SecurityOfficer,
/// Auditor and Manager to the given units and their sub-units.
public sealed class Caller(IHttpContextAccessor http, IsmsDbContext db, ClassificationScale scale)
{
    private CallerScope? _scope;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid? AccountId =>
        Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsInRole(string role) => User.IsInRole(role);

    public async Task<CallerScope> ScopeAsync(CancellationToken cancellationToken)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        if (AccountId is not { } accountId)
        {
            return _scope = CallerScope.Nobody(Guid.Empty);
        }

        var roles = Roles.All.Where(User.IsInRole).ToHashSet();
        var recordRoles = roles.Except([Roles.Administrator]).ToList();
        if (recordRoles.Count == 0)
        {
            return _scope = CallerScope.Nobody(accountId) with { InScope = roles.Count > 0, Clearance = ClassificationScale.Lowest };
        }

        var person = await db.Set<Person>().AsNoTracking()
            .Where(p => p.AccountId == accountId)
            .Select(p => new { p.UnitId, p.VendorId, p.Clearance, p.AgreementSigned })
            .SingleOrDefaultAsync(cancellationToken);
        var scopes = await db.Set<RoleScope>().AsNoTracking()
            .Where(s => s.AccountId == accountId)
            .Select(s => new { s.Role, s.UnitId })
            .ToListAsync(cancellationToken);
        var tree = await Organisation.UnitTrees.LoadAsync(db, cancellationToken);

        var allUnits = false;
        var readable = new HashSet<int>();
        foreach (var role in new[] { Roles.SecurityOfficer, Roles.Auditor, Roles.Manager }.Where(roles.Contains))
        {
            var units = scopes.Where(s => s.Role == role).Select(s => s.UnitId).ToList();
            if (units.Count == 0 && role == Roles.Manager && person is not null)
            {
                units.Add(person.UnitId);
            }

            if (units.Count == 0 && role != Roles.Manager)
            {
                allUnits = true;
            }

            foreach (var unit in units)
            {
                readable.UnionWith(tree.SelfAndDescendants(unit));
            }
        }

        var members = person is null ? [] : tree.Ancestors(person.UnitId).Prepend(person.UnitId).ToHashSet();
        var clearance = person is null ? ClassificationScale.Lowest : scale.EffectiveClearance(person.Clearance, person.AgreementSigned);
        var vendorId = roles.Contains(Roles.Vendor) ? person?.VendorId : null;
        return _scope = new CallerScope(accountId, clearance, allUnits, readable, members, vendorId, InScope: true);
    }

    /// The records of this type the caller may see: the start of every list, search, count,
    /// export and detail query.
    public async Task<IQueryable<T>> VisibleAsync<T>(IQueryable<T> records, CancellationToken cancellationToken)
        where T : class, IScopedRecord =>
        records.Where(RecordAccess.VisibleTo<T>(await ScopeAsync(cancellationToken)));
}
