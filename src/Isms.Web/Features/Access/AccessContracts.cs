using System.ComponentModel.DataAnnotations;

namespace Isms.Web.Features.Access;

/// One role of an account, limited to these units (and their sub-units); no units = the role's
/// default reach.
public sealed record RoleGrant([property: Required, MaxLength(50)] string Role, int[]? UnitIds);

public sealed record AccountRolesRequest([property: Required] RoleGrant[] Roles);

public sealed record AccountRolesResponse(Guid AccountId, string UserName, IReadOnlyList<RoleGrant> Roles);

public sealed record ClearanceRequest(int Clearance, bool AgreementSigned);

public sealed record ClearanceResponse(int PersonId, int Clearance, string ClearanceName, bool AgreementSigned, int EffectiveClearance);

public sealed record ClassificationLevel(int Rank, string Name, string Label);
