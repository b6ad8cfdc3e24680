using Isms.Core.Calendars;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Incidents;

/// The report form opened by a single-use link: the person of the link reports once; an unknown,
/// used or expired link shows one message and never the form.
[AllowAnonymous]
[RequestSizeLimit(FileChecks.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FileChecks.MaxRequestBytes)]
public sealed class LinkReportModel(ReportLinks links, AgencyTime agency) : PageModel, IReportFormPage
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public DateTime? NoticedLocal { get; set; }

    public LinkHolder? Holder { get; private set; }

    public string? Sent { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken) => Holder = await links.OpenAsync(token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Holder = await links.OpenAsync(token, cancellationToken);
        if (Holder is null)
        {
            return Page();
        }

        Input = Input.Noticed(NoticedLocal, agency);
        OwnReportResponse? sent = null;
        if (ModelState.IsValid)
        {
            var files = await Uploads.ReadAsync(Request.HasFormContentType ? Request.Form.Files : null, cancellationToken);
            await ModelState.TryWriteAsync(nameof(Input), async () => sent = await links.SubmitAsync(token, Input, files, cancellationToken));
        }

        if (sent is null)
        {
            // Used meanwhile by another submission: the message, not the form.
            Holder = await links.OpenAsync(token, cancellationToken);
            ModelState.MoveToFileField();
            return Page();
        }

        Sent = sent.Number;
        Holder = null;
        return Page();
    }
}
