using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// The intake: anyone signed in files a form for themselves; the desk also records forms that
/// came on paper, by e-mail or by telephone, for their requester and with their time of receipt.
[Authorize(Policy = Policies.RecordsRead)]
[RequestSizeLimit(QaAttachments.MaxFiles * (QaAttachments.DefaultMaxBytes + 4096))]
[RequestFormLimits(MultipartBodyLengthLimit = QaAttachments.MaxFiles * (QaAttachments.DefaultMaxBytes + 4096))]
public sealed class NewModel(IsmsDbContext db, QaFormWrites writes, QaFormAccess access, QaCategories categories, QaModules modules, Today today, Isms.Core.Calendars.AgencyTime agency) : PageModel
{
    [BindProperty]
    public QaFormInput Input { get; set; } = new();

    /// The time of receipt as typed on the page, in Taipei time.
    [BindProperty]
    public DateTime? ReceivedLocal { get; set; }

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyList<QaCategoryResponse> Categories { get; private set; } = [];

    public IReadOnlyList<string> Modules => modules.All;

    public IReadOnlyList<(int Id, string Name)> Requesters { get; private set; } = [];

    public bool IsDesk => access.IsDesk;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ReceivedLocal is { } local)
        {
            var offset = agency.Zone.GetUtcOffset(local);
            Input = Input with { ReceivedAt = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset) };
        }

        QaForm? form = null;
        if (ModelState.IsValid)
        {
            var files = await Uploads.ReadAsync(Request.Form.Files, cancellationToken);
            await ModelState.TryWriteAsync(nameof(Input), async () => form = await writes.SubmitAsync(Input, files, QaChannel.Web, cancellationToken));
        }

        if (form is not null)
        {
            TempData["Notice"] = "The form was received.";
            return Redirect($"/ServiceDesk/Forms/{form.Number}");
        }

        // Attachment errors belong to the file field, not to Input.
        if (ModelState.TryGetValue("Input.Attachments", out var attachmentErrors))
        {
            var messages = attachmentErrors.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove("Input.Attachments");
            foreach (var message in messages)
            {
                ModelState.AddModelError(nameof(Attachments), message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await categories.ListAsync(includeInactive: false, cancellationToken);
        if (IsDesk)
        {
            Requesters = (await db.Set<Person>().AsNoTracking().Where(ActiveOn.Day(today.Date)).OrderBy(p => p.FullName)
                .Select(p => new { p.Id, p.FullName, p.EmployeeNumber }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.EmployeeNumber is null ? p.FullName : $"{p.FullName} ({p.EmployeeNumber})")).ToList();
        }
    }
}
