using System.Linq.Expressions;

namespace Isms.Core.Access;

/// <summary>
/// The need-to-know rule (policy IV.C.2.a–b), as one expression so that a database query and an
/// in-memory check use exactly the same rule: a record is visible when the caller's clearance
/// covers its classification AND the caller has a reason to see it (their unit scope, their own
/// record, their vendor's record, or a record shared with them).
/// </summary>
public static class RecordAccess
{
    /// <summary>The rule as a filter for a query of records.</summary>
    public static Expression<Func<T, bool>> VisibleTo<T>(CallerScope caller)
        where T : IScopedRecord
    {
        if (!caller.InScope)
        {
            return _ => false;
        }

        var clearance = caller.Clearance;
        var accountId = caller.AccountId;
        var readable = caller.ReadableUnitIds.ToList();
        var member = caller.MemberUnitIds.ToList();
        var vendorId = caller.VendorId;
        if (caller.AllUnits)
        {
            return r => r.Classification <= clearance;
        }

        return r => r.Classification <= clearance
            && (readable.Contains(r.OwnerUnitId)
                || r.CreatedById == accountId
                || (vendorId != null && r.VendorId == vendorId)
                || r.Audience == RecordAudience.Everyone
                || (r.Audience == RecordAudience.OwnerUnitMembers && member.Contains(r.OwnerUnitId)));
    }

    /// <summary>The same rule for one record in memory.</summary>
    public static bool IsVisibleTo<T>(this T record, CallerScope caller)
        where T : IScopedRecord =>
        VisibleTo<T>(caller).Compile()(record);
}
