using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.ServiceDesk.Forms;

/// The form laid out as the paper Q&A form (Document No. 0154029), with boxes for signatures.
[Authorize(Policy = Policies.RecordsRead)]
public sealed class PrintModel(QaFormReads reads) : PageModel
{
    public QaFormDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await reads.DetailsAsync(number, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }
}
