using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.ServiceDesk;

[Authorize(Policy = Policies.ServiceDeskSettings)]
public sealed class CategoryModel(QaCategories categories) : PageModel
{
    [BindProperty]
    public QaCategoryInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if ((await categories.ListAsync(includeInactive: true, cancellationToken)).FirstOrDefault(c => c.Id == existing) is not { } found)
            {
                return NotFound();
            }

            Input = new QaCategoryInput { Code = found.Code, Name = found.Name, NameZh = found.NameZh, Rule = found.Rule, IsActive = found.IsActive, Version = found.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => categories.SaveAsync(id, Input, cancellationToken)))
        {
            TempData["Notice"] = "The changes were saved.";
            return Redirect("/ServiceDesk/Settings");
        }

        return Page();
    }
}
