namespace Isms.Core.Access;

/// <summary>
/// What one signed-in caller may see, worked out once per request from their roles, role scopes
/// and person record.
/// </summary>
/// <param name="AccountId">The caller's account.</param>
/// <param name="Clearance">The highest classification rank the caller may read.</param>
/// <param name="AllUnits">Reads every unit's records (the handling unit, auditors).</param>
/// <param name="ReadableUnitIds">Units whose records the caller reads in full (a manager's units and their sub-units).</param>
/// <param name="MemberUnitIds">The caller's own unit and every unit above it.</param>
/// <param name="VendorId">The vendor whose records the caller sees as vendor staff.</param>
/// <param name="InScope">False for an account with no role at all: it sees nothing.</param>
public sealed record CallerScope(
    Guid AccountId,
    int Clearance,
    bool AllUnits,
    IReadOnlyCollection<int> ReadableUnitIds,
    IReadOnlyCollection<int> MemberUnitIds,
    int? VendorId,
    bool InScope)
{
    /// <summary>Sees nothing: the scope of an account without roles.</summary>
    public static CallerScope Nobody(Guid accountId) => new(accountId, -1, false, [], [], null, false);

    /// <summary>May this caller create or change records owned by this unit?</summary>
    public bool CanManageUnit(int unitId) => InScope && (AllUnits || ReadableUnitIds.Contains(unitId));
}
