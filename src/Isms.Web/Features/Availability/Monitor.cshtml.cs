using Isms.Core;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Availability;

/// Adds or changes a monitor. A heartbeat monitor's token is shown on the answer that made or
/// renewed it, and never again: only its hash is kept.
[Authorize(Policy = Policies.AvailabilityManage)]
public sealed class MonitorModel(AvailabilityCatalog catalog) : PageModel
{
    [BindProperty]
    public MonitorInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public MonitorResponse? Existing { get; private set; }

    public IReadOnlyList<ServiceResponse> Services { get; private set; } = [];

    /// Set only on the answer that made or renewed the token.
    public string? NewToken { get; private set; }

    public string? PushUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? serviceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = Existing is { } m ? InputOf(m) : new MonitorInput { ServiceId = serviceId ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // The record's rules read the method; without one the field rules have said enough.
        if (Input.Method is not null)
        {
            ModelState.AddRuleErrors(Input, nameof(Input), HttpContext.RequestServices);
        }

        MonitorResponse? saved = null;
        try
        {
            if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), async () => saved = await catalog.SaveMonitorAsync(id, Input, cancellationToken)))
            {
                if (saved!.PushToken is null)
                {
                    TempData["Notice"] = id is null ? "The monitor was added." : "The changes were saved.";
                    return Redirect("/Availability/Manage");
                }

                Show(saved);
            }
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRenewTokenAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input = InputOf(Existing!);
        try
        {
            Show(await catalog.RenewPushTokenAsync(id, cancellationToken));
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            ModelState.AddModelError("", refused.Message);
        }

        return Page();
    }

    private void Show(MonitorResponse saved)
    {
        ModelState.Clear();
        Id = saved.Id;
        Existing = saved;
        Input = InputOf(saved);
        NewToken = saved.PushToken;
        PushUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{PushTokens.PathTemplate.Replace("{token}", saved.PushToken, StringComparison.Ordinal)}";
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Services = await catalog.ServicesAsync(cancellationToken);
        if (id is { } existing)
        {
            Existing = await catalog.MonitorAsync(existing, cancellationToken);
            return Existing is not null;
        }

        return true;
    }

    private static MonitorInput InputOf(MonitorResponse m) => new()
    {
        ServiceId = m.ServiceId,
        Name = m.Name,
        Kind = m.Kind,
        Method = m.Method,
        Url = m.Url,
        ExpectedStatus = m.ExpectedStatus,
        BodyContains = m.BodyContains,
        CertificateWarningDays = m.CertificateWarningDays,
        Host = m.Host,
        Port = m.Port,
        IntervalSeconds = m.IntervalSeconds,
        TimeoutSeconds = m.TimeoutSeconds,
        FailuresToOpen = m.FailuresToOpen,
        Critical = m.Critical,
        IsActive = m.IsActive,
        Version = m.Version,
    };
}
