using Isms.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Accounts;

/// The language switch in the header: a cookie for everyone, and the account's setting when
/// someone is signed in so the choice follows them to another browser.
[AllowAnonymous]
public sealed class LanguageModel(UserManager<Account> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        if (!LocalizationSetup.Supported.Any(c => c.Name == culture))
        {
            culture = "en";
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, LocalizationSetup.CultureCookieValue(culture),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } account)
        {
            account.PreferredCulture = culture;
            await users.UpdateAsync(account);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
