using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Accounts.Mfa;

/// The signed-in person's second factor: its state, new recovery codes, turning it off.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Isms.Web.Platform.Security.Policies.SignedIn)]
public sealed class IndexModel(
    UserManager<Account> users, SignInManager<Account> signIn, Authenticator authenticator, AccountActions actions, IStringLocalizer<SharedResource> text) : PageModel
{
    /// Turning it off asks for the password again: a session left open is not enough.
    [BindProperty]
    public string? Password { get; set; }

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool RequiredByRole => User.HasClaim(MfaPolicy.ClaimType, "true");

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: true } account)
        {
            return RedirectToPage();
        }

        RecoveryCodes = await authenticator.NewRecoveryCodesAsync(account);
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return RedirectToPage();
        }

        if (!(await signIn.CheckPasswordSignInAsync(account, Password ?? "", lockoutOnFailure: true)).Succeeded)
        {
            ModelState.AddModelError(nameof(Password), text["Incorrect password."]);
            await LoadAsync(account);
            return Page();
        }

        await actions.ResetMfaAsync(account);
        await signIn.RefreshSignInAsync(account);
        TempData["Notice"] = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    private async Task LoadAsync(Account account)
    {
        Enabled = account.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(account) : 0;
    }
}
