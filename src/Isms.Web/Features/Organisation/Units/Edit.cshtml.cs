using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Organisation.Units;

public sealed record AssignForm
{
    public ResponsibilityKind Kind { get; init; }

    public string? Person { get; init; }

    public DateOnly? From { get; init; }
}

[Authorize(Policy = Policies.PeopleWrite)]
public sealed class EditModel(IsmsDbContext db, OrganisationWrites writes, Today today, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    [BindProperty]
    public AssignForm Assign { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public IReadOnlyList<ResponsibilityResponse> Holders { get; private set; } = [];

    public string? AssignError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == existing, cancellationToken) is not { } u)
            {
                return NotFound();
            }

            Input = u.ToInput();
        }

        Assign = new AssignForm { From = today.Date };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        ModelState.Remove("Assign.Kind");
        Unit? unit = null;
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), async () => unit = await writes.SaveUnitAsync(id, Input, cancellationToken)))
        {
            TempData["Notice"] = "The changes were saved.";
            return RedirectToPage(new { id = unit!.Id });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        // Only the assignment form was posted; the unit's own fields were not.
        ModelState.Clear();
        var key = Assign.Person?.Trim() ?? "";
        var email = Person.NormalizeEmail(key);
        var personId = await db.Set<Person>().Where(p => p.EmployeeNumber == key || p.Email == email).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            AssignError = text["No person has this employee number or e-mail address."];
        }
        else
        {
            try
            {
                await writes.AssignAsync(new ResponsibilityInput { PersonId = personId.Value, UnitId = id, Kind = Assign.Kind, From = Assign.From ?? today.Date }, cancellationToken);
                TempData["Notice"] = "The responsibility was assigned.";
                return RedirectToPage(new { id });
            }
            catch (InputRejectedException rejected)
            {
                AssignError = string.Join(" ", rejected.Errors.SelectMany(e => e.Value));
            }
        }

        await ReloadInputAsync(id, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(int id, int responsibilityId, CancellationToken cancellationToken)
    {
        await writes.EndAsync(responsibilityId, today.Date, cancellationToken);
        TempData["Notice"] = "The responsibility was ended.";
        return RedirectToPage(new { id });
    }

    private async Task ReloadInputAsync(int id, CancellationToken cancellationToken)
    {
        Input = (await db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == id, cancellationToken)).ToInput();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Parents = (await UnitChoices.LoadAsync(db, cancellationToken)).Where(c => Id is null || c.Value != Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (Id is { } id)
        {
            Holders = await db.Set<Responsibility>().Where(r => r.UnitId == id).OrderBy(r => r.To != null).ThenBy(r => r.Kind).ToResponses().ToListAsync(cancellationToken);
        }
    }
}
