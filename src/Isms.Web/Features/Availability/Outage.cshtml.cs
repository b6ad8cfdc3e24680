using Isms.Core.Calendars;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// Records an outage by hand, or, for one that exists, the security officer's judgement on it:
/// confirm it, change its times or cause (always with the reason, which the audit trail keeps),
/// or find it was not the service's fault and take that back.
[Authorize(Policy = Policies.AvailabilityManage)]
public sealed class OutageModel(OutageRecords records, AvailabilityCatalog catalog, AgencyTime agency, IStringLocalizer<SharedResource> text) : PageModel
{
    private enum Step
    {
        Record,
        Confirm,
        Change,
        NotServiceFault,
        ServiceFault,
    }

    [BindProperty]
    public OutageForm Input { get; set; } = new();

    [BindProperty]
    public OutageChangeForm Change { get; set; } = new();

    [BindProperty]
    public OutageReasonInput Fault { get; set; } = new();

    public int? Id { get; private set; }

    public OutageResponse? Outage { get; private set; }

    public MonitorResponse? Monitor { get; private set; }

    public IReadOnlyList<ServiceResponse> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            return NotFound();
        }

        var input = Input.ToInput(agency);
        OutageResponse? recorded = null;
        return await WriteAsync(Step.Record, null, input, nameof(Input), async () => recorded = await records.RecordAsync(input, cancellationToken), () => recorded!.Id, cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmAsync(int id, int version, CancellationToken cancellationToken) =>
        WriteAsync(Step.Confirm, id, null, "", () => records.ConfirmAsync(id, version, cancellationToken), () => id, cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken)
    {
        var input = Change.ToInput(agency);
        // OutageRecords would take an empty end as "going on" and reopen an outage the probes
        // closed, which nothing would then close again.
        var closedByProbes = await records.FindAsync(id, cancellationToken) is { Source: OutageSource.Detected, End: not null };
        async Task ChangeAsync()
        {
            if (closedByProbes && input.End is null)
            {
                throw InputRejectedException.For(nameof(input.End), text["The probes closed this outage: give its end."]);
            }

            await records.ChangeAsync(id, input, cancellationToken);
        }

        return await WriteAsync(Step.Change, id, input, nameof(Change), ChangeAsync, () => id, cancellationToken);
    }

    public Task<IActionResult> OnPostNotServiceFaultAsync(int id, CancellationToken cancellationToken) =>
        WriteAsync(Step.NotServiceFault, id, Fault, nameof(Fault), () => records.NotServiceFaultAsync(id, Fault, notServiceFault: true, cancellationToken), () => id, cancellationToken);

    public Task<IActionResult> OnPostServiceFaultAsync(int id, CancellationToken cancellationToken) =>
        WriteAsync(Step.ServiceFault, id, Fault, nameof(Fault), () => records.NotServiceFaultAsync(id, Fault, notServiceFault: false, cancellationToken), () => id, cancellationToken);

    // Every handler binds all three forms: only the one it posted is checked, against the rules of
    // its request record.
    private async Task<IActionResult> WriteAsync(Step step, int? id, object? input, string prefix, Func<Task> write, Func<int> savedId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            var valid = input is null || TryValidateModel(input, prefix);
            if (input is not null)
            {
                ModelState.AddRuleErrors(input, prefix, HttpContext.RequestServices);
            }

            if (valid && await ModelState.TryWriteAsync(prefix, write))
            {
                TempData["Notice"] = step switch
                {
                    Step.Record => "The outage was recorded.",
                    Step.Confirm => "The outage was confirmed.",
                    Step.Change => "The outage was changed.",
                    Step.NotServiceFault => "The outage was marked as not the service's fault: its time counts as unknown.",
                    _ => "The outage counts as the service's downtime again.",
                };
                return Redirect($"/Availability/Outage/{savedId()}");
            }
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        var posted = (Change, Fault);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // What the officer typed stays in the form that was refused; the other forms start afresh.
        Change = step == Step.Change ? posted.Change : Change;
        Fault = step is Step.NotServiceFault or Step.ServiceFault ? posted.Fault : Fault;
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Services = await catalog.ServicesAsync(cancellationToken);
        if (id is not { } existing)
        {
            return true;
        }

        Outage = await records.FindAsync(existing, cancellationToken);
        if (Outage is null)
        {
            return false;
        }

        Monitor = Outage.MonitorId is { } monitorId ? await catalog.MonitorAsync(monitorId, cancellationToken) : null;
        Change = OutageChangeForm.Of(Outage, agency);
        Fault = new OutageReasonInput { Version = Outage.Version };
        return true;
    }
}
