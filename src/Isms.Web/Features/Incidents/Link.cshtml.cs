using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Incidents;

/// "Report without an account": a person in scope who has no account asks for a single-use link
/// to the report form, sent to the e-mail address on their person record. The answer is the same
/// whatever address is typed.
[AllowAnonymous]
public sealed class LinkModel(ReportLinks links, ReportLinkLimits limits) : PageModel
{
    [BindProperty]
    public ReportLinkRequest Input { get; set; } = new();

    public bool Asked { get; private set; }

    public int Minutes => (int)links.Lifetime.TotalMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (limits.Refuse(HttpContext, Input.Email) is { } wait)
        {
            return StatusCode(ReportLinkLimits.TooMany(HttpContext, wait));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await links.RequestAsync(Input.Email, cancellationToken);
        Asked = true;
        return Page();
    }
}
