using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Accounts.Mfa;

/// Enrolling an authenticator app: scan the QR code (or type the key), confirm with a code, and
/// receive the recovery codes, shown on this answer only.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Isms.Web.Platform.Security.Policies.SignedIn)]
public sealed class EnrolModel(UserManager<Account> users, Authenticator authenticator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public string QrCode { get; private set; } = "";

    public string ManualKey { get; private set; } = "";

    public bool Required => User.HasClaim(AccountClaimsFactory.MustEnrolMfa, "true");

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        if (account.TwoFactorEnabled)
        {
            return RedirectToPage("/Accounts/Mfa/Index");
        }

        await ShowKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        if (account.TwoFactorEnabled)
        {
            return RedirectToPage("/Accounts/Mfa/Index");
        }

        if (ModelState.IsValid && await authenticator.EnableAsync(account, Input.Code) is { } codes)
        {
            RecoveryCodes = codes;
            return Page();
        }

        if (ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Code", text["The code does not match. Check the time on your phone and try the next code."]);
        }

        await ShowKeyAsync(account);
        return Page();
    }

    private async Task ShowKeyAsync(Account account)
    {
        var setup = await authenticator.SetupAsync(account);
        QrCode = Authenticator.QrCodeDataUri(setup.AuthenticatorUri);
        ManualKey = Authenticator.Grouped(setup.SharedKey);
    }

    public sealed record CodeInput
    {
        [Display(Name = "Code from the app"), Required(ErrorMessage = "Enter the code."), MaxLength(64, ErrorMessage = Messages.TooLong)]
        public string Code { get; init; } = "";
    }
}
