using Isms.Core.Calendars;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Incidents;

/// "Report a security problem": the channel every signed-in person reaches from every page.
[Authorize(Policy = Policies.RecordsRead)]
[RequestSizeLimit(FileChecks.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FileChecks.MaxRequestBytes)]
public sealed class ReportModel(ReportIntake reports, AgencyTime agency) : PageModel, IReportFormPage
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    /// When it was noticed, as typed, in Taipei time; empty for now.
    [BindProperty]
    public DateTime? NoticedLocal { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input = Input.Noticed(NoticedLocal, agency);

        OwnReportResponse? sent = null;
        if (ModelState.IsValid)
        {
            var files = await Uploads.ReadAsync(Request.HasFormContentType ? Request.Form.Files : null, cancellationToken);
            await ModelState.TryWriteAsync(nameof(Input), async () => sent = await reports.SubmitAsync(Input, files, cancellationToken));
        }

        if (sent is null)
        {
            ModelState.MoveToFileField();
            return Page();
        }

        TempData["Notice"] = "Thank you: your report was received.";
        return Redirect($"/Incidents/Mine?sent={sent.Number}");
    }
}
