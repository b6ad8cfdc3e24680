using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Accounts.Mfa;

/// The signed-in person's second factor: its state, new recovery codes, turning it off.
public sealed class IndexModel(UserManager<Account> users, SignInManager<Account> signIn, Authenticator authenticator, AccountActions actions) : PageModel
{
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
        if (await users.GetUserAsync(User) is { } account)
        {
            await actions.ResetMfaAsync(account);
            await signIn.RefreshSignInAsync(account);
            TempData["Notice"] = "Two-factor sign-in is off.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(Account account)
    {
        Enabled = account.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(account) : 0;
    }
}
