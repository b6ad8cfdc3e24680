using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Accounts;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Isms.Web.Platform.Security.Policies.SignedIn)]
public sealed class PreferencesModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public string? Culture { get; set; }

    [BindProperty]
    public bool ShowRocYears { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        Culture = account.PreferredCulture;
        ShowRocYears = account.ShowRocYears;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        account.PreferredCulture = LocalizationSetup.Supported.Any(c => c.Name == Culture) ? Culture : null;
        account.ShowRocYears = ShowRocYears;
        await users.UpdateAsync(account);
        SignInFlow.WritePreferenceCookies(HttpContext, account);
        TempData["Notice"] = "Your preferences were saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is { } account)
        {
            await users.SignOutEverywhereAsync(account);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/SignIn");
    }
}
