using Isms.Web.Data;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk.Forms;

/// One form: its fields, clock, comments and files, and the desk's actions on it.
[Authorize(Policy = Policies.RecordsRead)]
[RequestSizeLimit(QaAttachments.MaxFiles * (QaAttachments.DefaultMaxBytes + 4096))]
[RequestFormLimits(MultipartBodyLengthLimit = QaAttachments.MaxFiles * (QaAttachments.DefaultMaxBytes + 4096))]
public sealed class DetailsModel(IsmsDbContext db, QaFormReads reads, QaFormHandling handling, QaFormAccess access, Today today) : PageModel
{
    public QaFormDetails Details { get; private set; } = null!;

    public IReadOnlyList<QaAssignee> Assignees { get; private set; } = [];

    public bool IsDesk => access.IsDesk;

    public bool IsRequester { get; private set; }

    [BindProperty]
    public QaNoteInput Note { get; set; } = new();

    [BindProperty]
    public int AssigneeId { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.AssignAsync(number, AssigneeId, cancellationToken), "The form was assigned.", cancellationToken, validateNote: false);

    public Task<IActionResult> OnPostStartAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.StartAsync(number, cancellationToken), "Work on the form has started.", cancellationToken, validateNote: false);

    public Task<IActionResult> OnPostWaitAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.WaitAsync(number, cancellationToken), "The form now waits for the requester.", cancellationToken, validateNote: false);

    public Task<IActionResult> OnPostResumeAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.ResumeAsync(number, cancellationToken), "Work on the form has resumed.", cancellationToken, validateNote: false);

    public Task<IActionResult> OnPostFinishAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.FinishAsync(number, Note.Text, cancellationToken), "The form is finished.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.CancelAsync(number, Note.Text, cancellationToken), "The form was cancelled.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.ReopenAsync(number, Note.Text, cancellationToken), "The form was reopened.", cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => handling.CommentAsync(number, Note, cancellationToken), "The comment was added.", cancellationToken);

    public async Task<IActionResult> OnPostAttachAsync(string number, CancellationToken cancellationToken)
    {
        var files = await Uploads.ReadAsync(Request.Form.Files, cancellationToken);
        return await ActAsync(number, () => handling.AttachAsync(number, files, cancellationToken), "The files were attached.", cancellationToken, validateNote: false);
    }

    private async Task<IActionResult> ActAsync(string number, Func<Task> action, string notice, CancellationToken cancellationToken, bool validateNote = true)
    {
        if (!validateNote)
        {
            ModelState.Clear();
        }

        try
        {
            if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Note), action))
            {
                TempData["Notice"] = notice;
                return Redirect($"/ServiceDesk/Forms/{number}");
            }
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(number, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (await reads.DetailsAsync(number, cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        var accountId = access.AccountId;
        IsRequester = accountId is not null && await db.Set<People.Person>().AnyAsync(p => p.Id == details.Form.RequesterId && p.AccountId == accountId, cancellationToken);
        Assignees = IsDesk ? await QaAssignees.ListAsync(db, today.Date, cancellationToken) : [];
        return true;
    }
}
