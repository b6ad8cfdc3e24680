using System.Globalization;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Incidents;

/// The improvement report as a page of its own, to read or print; `lang` picks English or
/// Traditional Chinese, the reader's language otherwise.
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class ImprovementModel(ImprovementReports documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, string? lang, CancellationToken cancellationToken) =>
        await documents.HtmlAsync(number, ImprovementReports.Language(lang), cancellationToken) is { } html
            ? Content(html, "text/html; charset=utf-8")
            : NotFound();
}
