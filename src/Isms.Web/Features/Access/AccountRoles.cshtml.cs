using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Isms.Web.Features.Access;

/// An account's roles and, for the roles that read records of units, the units they are limited to.
[Authorize(Policy = Policies.AccountsAdmin)]
public sealed class AccountRolesModel(IsmsDbContext db, AccessWrites access) : PageModel
{
    /// The roles whose reach a unit scope narrows.
    public static readonly string[] Scopable = [Roles.SecurityOfficer, Roles.Auditor, Roles.Manager];

    [BindProperty]
    public List<string> Selected { get; set; } = [];

    [BindProperty]
    public Dictionary<string, int[]> Units { get; set; } = [];

    public AccountRolesResponse Current { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Current = await access.ReadRolesAsync(id, cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        Selected = Current.Roles.Select(r => r.Role).ToList();
        Units = Current.Roles.ToDictionary(r => r.Role, r => r.UnitIds ?? []);
        UnitChoices = await Organisation.UnitChoices.LoadAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var grants = Selected.Distinct().Select(role => new RoleGrant(role, Scopable.Contains(role) ? Units.GetValueOrDefault(role) : null)).ToArray();
        try
        {
            if (await ModelState.TryWriteAsync("", () => access.SetRolesAsync(id, grants, cancellationToken)))
            {
                TempData["Notice"] = "The roles were saved. The account's sessions have ended.";
                return RedirectToPage(new { id });
            }

            Current = await access.ReadRolesAsync(id, cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        UnitChoices = await Organisation.UnitChoices.LoadAsync(db, cancellationToken);
        return Page();
    }
}
