using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public string Title { get; private set; } = "";

    public void OnGet(int code) => Title = code switch
    {
        404 => text["This page does not exist."],
        403 => text["You may not open this page."],
        413 => text["The file or form is larger than the server accepts."],
        429 => text["Too many attempts in a short time. Wait a minute, then try again."],
        _ => text["The request could not be handled."],
    };

    public void OnPost(int code) => OnGet(code);
}
