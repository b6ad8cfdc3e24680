using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Accounts;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Isms.Web.Platform.Security.Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<Account> users, SignInFlow flow) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Required => User.HasClaim(AccountClaimsFactory.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        var result = await flow.ChangePasswordAsync(HttpContext, account, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        TempData["Notice"] = "Your password was changed.";
        return Redirect("/");
    }

    public sealed record PasswordInput
    {
        [Display(Name = "Current password"), Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), MaxLength(256, ErrorMessage = Messages.TooLong)]
        public string CurrentPassword { get; init; } = "";

        [Display(Name = "New password"), Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), MaxLength(256, ErrorMessage = Messages.TooLong)]
        public string NewPassword { get; init; } = "";

        [Display(Name = "New password again"), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ."), DataType(DataType.Password)]
        public string ConfirmPassword { get; init; } = "";
    }
}
