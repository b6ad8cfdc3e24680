using Isms.Web.Data;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

[Authorize(Policy = Policies.AuditRead)]
public sealed class DetailsModel(IsmsDbContext db, AuditRedaction redaction) : PageModel
{
    public AuditEntryResponse Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken cancellationToken)
    {
        if (await AuditQuery.FindAsync(db, sequence, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = (await redaction.ForCallerAsync(cancellationToken))(entry);
        return Page();
    }
}
