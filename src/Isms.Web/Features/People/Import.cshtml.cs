using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.People;

[Authorize(Policy = Policies.PeopleWrite)]
[RequestSizeLimit(PeopleSetup.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PeopleSetup.MaxImportBytes)]
public sealed class ImportModel(PersonCsv csv, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Choose a CSV file."]);
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Result = await csv.ImportAsync(stream, cancellationToken);
        return Page();
    }
}
