using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.People;

[Authorize(Policy = Policies.PeopleWrite)]
public sealed class EditModel(IsmsDbContext db, Caller caller, PersonWrites writes, Today today) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Vendors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await PersonReads.FindAsync(await caller.VisiblePeopleAsync(db, cancellationToken), existing, today.Date, cancellationToken) is not { } p)
            {
                return NotFound();
            }

            Input = new PersonInput
            {
                EmployeeNumber = p.EmployeeNumber,
                FullName = p.FullName,
                Email = p.Email,
                Kind = p.Kind,
                UnitId = p.UnitId,
                VendorId = p.VendorId,
                JobFunction = p.JobFunction,
                Phone = p.Phone,
                ActiveFrom = p.ActiveFrom,
                ActiveTo = p.ActiveTo,
                AccountUserName = p.AccountUserName,
                Version = p.Version,
            };
        }
        else
        {
            Input = new PersonInput { ActiveFrom = today.Date };
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Person? person = null;
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), async () => person = id is { } existing
                ? (await writes.UpdateAsync(existing, Input, cancellationToken)).Person
                : (await writes.CreateAsync(Input, cancellationToken)).Person))
        {
            TempData["Notice"] = id is null ? "The person was added." : "The changes were saved.";
            return RedirectToPage("/People/Details", new { id = person!.Id });
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Units = await UnitChoices.LoadAsync(db, cancellationToken);
        Vendors = await db.Set<Vendor>().AsNoTracking().OrderBy(v => v.Name)
            .Select(v => new SelectListItem(v.Name, v.Id.ToString())).ToListAsync(cancellationToken);
    }
}
