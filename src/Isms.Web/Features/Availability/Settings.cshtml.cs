using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Availability;

/// Whether maintenance counts as downtime, and how early a certificate's expiry is announced.
[Authorize(Policy = Policies.AvailabilityManage)]
public sealed class SettingsModel(AvailabilitySettings settings) : PageModel
{
    [BindProperty]
    public AvailabilitySettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        Input = new AvailabilitySettingsInput
        {
            MaintenanceCountsAsDowntime = current.MaintenanceCountsAsDowntime,
            CertificateWarningDays = current.CertificateWarningDays,
            Version = current.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => settings.ChangeAsync(Input, cancellationToken)))
        {
            TempData["Notice"] = "The settings were saved.";
            return RedirectToPage();
        }

        return Page();
    }
}
