using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Documents;

[Authorize(Policy = Policies.RecordsRead)]
public sealed class DetailsModel(DocumentReads reads, IAuthorizationService authorization) : PageModel
{
    public DocumentResponse Document { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // Not visible and not there answer alike: the page never confirms that a record exists.
        if (await reads.FindAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.DocumentsWrite)).Succeeded;
        return Page();
    }
}
