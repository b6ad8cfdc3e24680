using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Isms.Web.Features.Documents;

[Authorize(Policy = Policies.DocumentsWrite)]
public sealed class EditModel(IsmsDbContext db, DocumentReads reads, DocumentWrites writes, Caller caller, Classifications classifications) : PageModel
{
    [BindProperty]
    public DocumentInput Input { get; set; } = new() { Audience = Core.Access.RecordAudience.Restricted, Classification = 1 };

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public IReadOnlyList<(int Rank, string Label)> Levels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await reads.FindAsync(existing, cancellationToken) is not { } document)
            {
                return NotFound();
            }

            Input = document.ToInput();
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => writes.SaveAsync(id, Input, cancellationToken)))
        {
            TempData["Notice"] = "The changes were saved.";
            return RedirectToPage("/Documents/Index");
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var scope = await caller.ScopeAsync(cancellationToken);
        Units = (await UnitChoices.LoadAsync(db, cancellationToken))
            .Where(u => scope.CanManageUnit(int.Parse(u.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Levels = classifications.Choices(scope.Clearance).ToList();
    }
}
