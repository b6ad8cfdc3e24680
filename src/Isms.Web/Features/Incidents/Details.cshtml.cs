using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// One report in full, with the security officer's small forms (each its own handler, checked
/// against the record's version) and a manager's decision on a major incident's closure.
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class DetailsModel(
    IncidentHandling handling, SecurityReports reports, LevelPreview preview, IsmsDbContext db, AgencyTime agency,
    IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    private readonly IncidentPageData data = new(db, agency, clock);

    /// The page's forms; each name is also the prefix of its fields and the property that holds them.
    public enum Form
    {
        Reject,
        Action,
        Grade,
        Times,
        Closure,
        Entry,
        NewTask,
        TaskDone,
        Investigation,
        DrillResults,
        Decision,
    }

    public IncidentDetailsResponse Details { get; private set; } = null!;

    public ReportResponse Report => Details.Report;

    public IncidentPageFacts Facts { get; private set; } = null!;

    public IncidentText Text { get; } = new(localizer, clock);

    public bool CanTriage { get; private set; }

    public bool CanDecide { get; private set; }

    /// The form that was posted and refused: it shows its own messages.
    public Form? Posted { get; private set; }

    /// The level the impacts as typed give, from the "Preview level" button.
    public LevelPreviewResponse? Preview { get; private set; }

    public RejectInput Reject { get; private set; } = new();

    public CorrectiveActionInput Action { get; private set; } = new();

    public GradeForm Grade { get; private set; } = new();

    public TimesForm Times { get; private set; } = new();

    public ClosureRequestInput Closure { get; private set; } = new();

    public TimelineForm Entry { get; private set; } = new();

    public TaskInput NewTask { get; private set; } = new();

    public InvestigationInput Investigation { get; private set; } = new();

    public DrillResultsInput DrillResults { get; private set; } = new();

    public ClosureDecisionInput Decision { get; private set; } = new();

    /// Open for handling: not rejected and not closed.
    public bool Open => Report.Status != ReportStatus.Rejected && Report.ClosedAt is null;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRejectAsync(string number, [FromForm(Name = nameof(Reject))] RejectInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Reject, () => Reject = input, () => reports.RejectAsync(number, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostActionAsync(string number, [FromForm(Name = nameof(Action))] CorrectiveActionInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Action, () => Action = input, () => handling.ActionAsync(number, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostGradeAsync(string number, [FromForm(Name = nameof(Grade))] GradeForm input, CancellationToken cancellationToken)
    {
        var form = input.Compact();
        return WriteAsync(number, Form.Grade, () => Grade = form, () => reports.ConfirmAsync(number, form.ToInput(agency), cancellationToken), cancellationToken);
    }

    /// The level preview without JavaScript: the same answer the live preview shows, nothing saved.
    public async Task<IActionResult> OnPostPreviewAsync(string number, [FromForm(Name = nameof(Grade))] GradeForm input, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(Policies.IncidentsTriage))
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var form = input.Compact();
        await ModelState.TryWriteAsync(nameof(Grade), () =>
        {
            Preview = preview.Preview(form.ToPreview());
            return Task.CompletedTask;
        });
        Grade = form;
        Posted = Form.Grade;
        return Page();
    }

    public Task<IActionResult> OnPostTimesAsync(string number, [FromForm(Name = nameof(Times))] TimesForm input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Times, () => Times = input, async () =>
        {
            // A major incident's closing time is the manager's approval: the form keeps it as it is.
            var times = input.ToInput(agency);
            await reports.TimesAsync(number, Report.Major == true ? times with { ClosedAt = Report.ClosedAt } : times, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostClosureAsync(string number, [FromForm(Name = nameof(Closure))] ClosureRequestInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Closure, () => Closure = input, () => handling.RequestClosureAsync(number, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEntryAsync(string number, [FromForm(Name = nameof(Entry))] TimelineForm input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Entry, () => Entry = input, () => handling.AddTimelineAsync(number, input.ToInput(agency), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNewTaskAsync(string number, [FromForm(Name = nameof(NewTask))] TaskInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.NewTask, () => NewTask = input, () => handling.AddTaskAsync(number, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTaskDoneAsync(string number, int taskId, bool done, int version, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.TaskDone, () => { }, () => handling.TaskDoneAsync(number, taskId, new TaskDoneInput { Done = done, Version = version }, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostInvestigationAsync(string number, [FromForm(Name = nameof(Investigation))] InvestigationInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Investigation, () => Investigation = input, () => handling.InvestigationAsync(number, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDrillResultsAsync(string number, [FromForm(Name = nameof(DrillResults))] DrillResultsInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.DrillResults, () => DrillResults = input, () => handling.DrillResultsAsync(number, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecisionAsync(string number, [FromForm(Name = nameof(Decision))] ClosureDecisionInput input, CancellationToken cancellationToken) =>
        WriteAsync(number, Form.Decision, () => Decision = input, () => handling.DecideClosureAsync(number, input, cancellationToken), cancellationToken, Policies.IncidentsApprove);

    /// The messages of the posted form that belong to no field (a stale version, a refused step).
    public IEnumerable<string> FormErrors(Form form) =>
        Posted == form && ModelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// The messages of one field, for fields the tag helpers do not render (the closure's preconditions).
    public IEnumerable<string> FieldErrors(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public static string Section(Form form) => form switch
    {
        Form.Reject or Form.Action => "triage",
        Form.Grade => "grade",
        Form.Times => "times",
        Form.Closure or Form.Decision => "closure",
        Form.Entry => "timeline",
        Form.NewTask or Form.TaskDone => "tasks",
        Form.Investigation => "investigation",
        _ => "drill",
    };

    private async Task<IActionResult> WriteAsync(string number, Form form, System.Action keep, Func<Task> write, CancellationToken cancellationToken, string policy = Policies.IncidentsTriage)
    {
        if (!await AllowedAsync(policy))
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            if (ModelState.IsValid && await ModelState.TryWriteAsync(form.ToString(), write))
            {
                TempData["Notice"] = form switch
                {
                    Form.Reject => "The report was rejected.",
                    Form.Action => "The corrective action was recorded.",
                    Form.Grade => "The incident was confirmed and graded.",
                    Form.Times => "The handling times were saved.",
                    Form.Closure => "A manager of the unit was asked to approve the closure.",
                    Form.Entry => "The timeline entry was added.",
                    Form.NewTask => "The task was added.",
                    Form.TaskDone => "The task was updated.",
                    Form.Investigation => "The investigation and improvement report was saved.",
                    Form.DrillResults => "The drill results were saved.",
                    _ => "Your decision on the closure was recorded.",
                };
                return Redirect($"/Incidents/Details/{number}#{Section(form)}");
            }
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        // What was typed stays in the refused form; the others show the record afresh.
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        keep();
        Posted = form;
        return Page();
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (await handling.DetailsAsync(number, cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        CanTriage = await AllowedAsync(Policies.IncidentsTriage);
        CanDecide = await AllowedAsync(Policies.IncidentsApprove);
        Facts = await data.FactsAsync(details, CanTriage, cancellationToken);
        var r = details.Report;
        Reject = new RejectInput { Version = r.Version };
        Action = new CorrectiveActionInput { Version = r.Version };
        Grade = new GradeForm
        {
            Impacts = Facts.Impacts.Select(ImpactRow.Of).ToList(),
            OccurredAt = agency.ToLocalInput(r.OccurredAt),
            // Aware when it was reported unless the officer said otherwise: the field stays empty
            // then, and the exact instant of the report is kept.
            AwareAt = r.AwareAt == r.ReportedAt ? null : agency.ToLocalInput(r.AwareAt),
            Drill = r.Drill,
            DrillKind = details.DrillResults?.Kind,
            Version = r.Version,
        }.Compact();
        Times = TimesForm.Of(r, agency);
        Closure = new ClosureRequestInput { Version = r.Version };
        Entry = new TimelineForm();
        NewTask = new TaskInput();
        var i = details.Investigation;
        Investigation = new InvestigationInput
        {
            ScopeAndDamage = i.ScopeAndDamage,
            HandlingCourse = i.HandlingCourse,
            RootCause = i.RootCause,
            PreventiveManagement = i.PreventiveManagement,
            PreventiveTechnology = i.PreventiveTechnology,
            PreventiveStaffing = i.PreventiveStaffing,
            PreventiveResources = i.PreventiveResources,
            PlannedCompletion = i.PlannedCompletion,
            FollowUp = i.FollowUp,
            AffectedSystem = r.AffectedSystem,
            UnitId = details.UnitId,
            OutageId = details.OutageId,
            Version = r.Version,
        };
        var d = details.DrillResults;
        DrillResults = new DrillResultsInput { DrillKind = d?.Kind, Participants = d?.Participants, Failures = d?.Failures, Reported = d?.Reported, Results = d?.Results, Version = r.Version };
        Decision = new ClosureDecisionInput { Version = r.Version };
        return true;
    }
}
