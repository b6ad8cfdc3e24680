using System.Globalization;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Incidents.Sanctions;

[Authorize(Policy = Policies.SanctionsWrite)]
public sealed class EditModel(IsmsDbContext db, SanctionRecords records, Caller caller, Today today) : PageModel
{
    [BindProperty]
    public SanctionInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? personId, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await records.FindAsync(existing, cancellationToken) is not { } sanction)
            {
                return NotFound();
            }

            Input = sanction.ToInput();
        }
        else
        {
            Input = new SanctionInput { PersonId = personId ?? 0, DecidedOn = today.Date };
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => records.SaveAsync(id, Input, cancellationToken)))
        {
            TempData["Notice"] = "The changes were saved.";
            return RedirectToPage("/Incidents/Sanctions/Index", new { personId = Input.PersonId });
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    // The people of the units the officer manages who are in scope today, and the one already chosen.
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var scope = await caller.ScopeAsync(cancellationToken);
        var date = today.Date;
        var chosen = Input.PersonId;
        var people = await db.Set<Person>().AsNoTracking()
            .Where(p => p.Id == chosen || p.ActiveTo == null || p.ActiveTo >= date)
            .OrderBy(p => p.FullName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.FullName, p.EmployeeNumber, p.UnitId })
            .ToListAsync(cancellationToken);
        People = people.Where(p => scope.CanManageUnit(p.UnitId))
            .Select(p => new SelectListItem(p.EmployeeNumber is null ? p.FullName : $"{p.FullName} · {p.EmployeeNumber}", p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }
}
