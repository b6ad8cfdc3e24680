using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Availability;

/// Adds or changes a service: its names, its yearly target, whether it is in use.
[Authorize(Policy = Policies.AvailabilityManage)]
public sealed class ServiceModel(AvailabilityCatalog catalog) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<MonitorResponse> Monitors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await catalog.ServiceAsync(existing, cancellationToken) is not { } found)
            {
                return NotFound();
            }

            Input = new ServiceInput
            {
                Name = found.Name,
                NameZh = found.NameZh,
                Description = found.Description,
                Target = found.Target,
                IsActive = found.IsActive,
                Version = found.Version,
            };
            Monitors = await catalog.MonitorsAsync(existing, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        ModelState.AddRuleErrors(Input, nameof(Input), HttpContext.RequestServices);
        try
        {
            if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => catalog.SaveServiceAsync(id, Input, cancellationToken)))
            {
                TempData["Notice"] = id is null ? "The service was added." : "The changes were saved.";
                return Redirect("/Availability/Manage");
            }
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        if (id is { } existing)
        {
            Monitors = await catalog.MonitorsAsync(existing, cancellationToken);
        }

        return Page();
    }
}
