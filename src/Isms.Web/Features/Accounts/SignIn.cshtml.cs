using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignInModel(SignInFlow flow, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await flow.SignInAsync(HttpContext, Input.UserName, Input.Password);
        switch (outcome)
        {
            case SignInOutcome.SecondFactorRequired:
                return RedirectToPage("/Accounts/SignInCode", new { ReturnUrl });
            case SignInOutcome.MustChangePassword:
                return RedirectToPage("/Accounts/ChangePassword");
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            default:
                // Locked reads like wrong: otherwise a few tries would tell who has an account.
                ModelState.AddModelError("", text["The user name or password is wrong, or the account is locked for a while after too many failed sign-ins."]);
                return Page();
        }
    }

    public sealed record SignInInput
    {
        [Display(Name = "User name"), Required(ErrorMessage = "Enter your user name."), MaxLength(256, ErrorMessage = Messages.TooLong)]
        public string UserName { get; init; } = "";

        [Display(Name = "Password"), Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), MaxLength(256, ErrorMessage = Messages.TooLong)]
        public string Password { get; init; } = "";
    }
}
