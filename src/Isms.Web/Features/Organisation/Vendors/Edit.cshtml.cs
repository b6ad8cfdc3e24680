using Isms.Web.Data;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation.Vendors;

[Authorize(Policy = Policies.PeopleWrite)]
public sealed class EditModel(IsmsDbContext db, OrganisationWrites writes) : PageModel
{
    [BindProperty]
    public VendorInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await db.Set<Vendor>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == existing, cancellationToken) is not { } v)
            {
                return NotFound();
            }

            Input = v.ToInput();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => writes.SaveVendorAsync(id, Input, cancellationToken)))
        {
            TempData["Notice"] = "The changes were saved.";
            return RedirectToPage("/Organisation/Vendors/Index");
        }

        return Page();
    }
}
