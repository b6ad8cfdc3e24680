using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Accounts.Admin;

/// Which roles must sign in with a second factor. Sessions pick a change up at their next security
/// stamp check; an account that then lacks MFA is held at enrolment.
[Authorize(Policy = Policies.AccountsAdmin)]
public sealed class MfaRolesModel(MfaPolicy policy) : PageModel
{
    public IReadOnlyDictionary<string, bool> Required { get; private set; } = new Dictionary<string, bool>();

    [BindProperty]
    public List<string> RequiredRoles { get; set; } = [];

    public async Task OnGetAsync() => Required = await policy.ReadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var role in Roles.All)
        {
            await policy.SetAsync(role, RequiredRoles.Contains(role));
        }

        TempData["Notice"] = "The roles that require two-factor sign-in were saved.";
        return RedirectToPage();
    }
}
