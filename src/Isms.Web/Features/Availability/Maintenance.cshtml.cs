using Isms.Core;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Availability;

/// Announces a planned maintenance window ahead, changes it, or calls it off before it begins.
/// Once begun, only its end and notice can change.
[Authorize(Policy = Policies.AvailabilityManage)]
public sealed class MaintenanceModel(IsmsDbContext db, MaintenanceWindows windows, AvailabilityCatalog catalog, AgencyTime agency, Today today) : PageModel
{
    [BindProperty]
    public MaintenanceForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public MaintenanceResponse? Window { get; private set; }

    public IReadOnlyList<ServiceResponse> Services { get; private set; } = [];

    public bool Begun => Window is { } w && w.Start <= today.Now;

    public async Task<IActionResult> OnGetAsync(int? id, int? serviceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = Window is { } w ? MaintenanceForm.Of(w, agency) : new MaintenanceForm { ServiceId = serviceId ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var input = Input.ToInput(agency);
        try
        {
            var valid = TryValidateModel(input, nameof(Input));
            ModelState.AddRuleErrors(input, nameof(Input), HttpContext.RequestServices);
            if (valid && await ModelState.TryWriteAsync(nameof(Input), () => windows.AnnounceAsync(id, input, cancellationToken)))
            {
                TempData["Notice"] = id is null ? "The maintenance was announced." : "The changes were saved.";
                return Redirect("/Availability/Manage");
            }
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        try
        {
            await windows.CancelAsync(id, cancellationToken);
            TempData["Notice"] = "The maintenance was called off.";
            return Redirect("/Availability/Manage");
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            ModelState.AddModelError("", refused.Message);
        }

        Input = MaintenanceForm.Of(Window!, agency);
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Services = await catalog.ServicesAsync(cancellationToken);
        if (id is { } existing)
        {
            Window = await db.FindMaintenanceAsync(existing, cancellationToken);
            return Window is not null;
        }

        return true;
    }
}
