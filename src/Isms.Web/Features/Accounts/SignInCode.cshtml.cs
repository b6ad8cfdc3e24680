using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Accounts;

/// The second step of sign-in: a code from the authenticator app or a recovery code.
[AllowAnonymous]
public sealed class SignInCodeModel(SignInFlow flow, SignInManager<Account> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Six digits come from the app; anything else is taken for a recovery code.
        var code = SignInFlow.Normalize(Input.Code);
        var fromApp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var outcome = await flow.SecondFactorAsync(HttpContext, fromApp ? code : null, fromApp ? null : code);
        switch (outcome)
        {
            case SignInOutcome.MustChangePassword:
                return RedirectToPage("/Accounts/ChangePassword");
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", text["The account is locked for a while after too many failed sign-ins. Try again later."]);
                return Page();
            default:
                ModelState.AddModelError("", text["The code is wrong, or the sign-in has expired. Sign in with your password again if it keeps failing."]);
                return Page();
        }
    }

    public sealed record CodeInput
    {
        [Display(Name = "Code"), Required(ErrorMessage = "Enter the code."), MaxLength(64, ErrorMessage = Messages.TooLong)]
        public string Code { get; init; } = "";
    }
}
