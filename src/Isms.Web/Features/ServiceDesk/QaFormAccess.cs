using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Security;

namespace Isms.Web.Features.ServiceDesk;

/// Which forms a caller may see: a desk agent every form up to their clearance (they handle all of
/// them); anyone else by the need-to-know rule (their own forms, their unit's as a manager, the
/// whole organisation's as security officer or auditor).
public sealed class QaFormAccess(IsmsDbContext db, Caller caller)
{
    public bool IsDesk => caller.IsInRole(Roles.ServiceDesk);

    public Guid? AccountId => caller.AccountId;

    public async Task<IQueryable<QaForm>> VisibleAsync(CancellationToken cancellationToken)
    {
        if (IsDesk)
        {
            var scope = await caller.ScopeAsync(cancellationToken);
            var clearance = scope.Clearance;
            return db.Set<QaForm>().Where(f => f.Classification <= clearance);
        }

        return await caller.VisibleAsync(db.Set<QaForm>(), cancellationToken);
    }
}
