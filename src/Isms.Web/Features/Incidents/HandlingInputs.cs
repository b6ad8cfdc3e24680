using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Incidents;

/// A weakness or suggestion taken up: the fix, who owns it, and by when.
public sealed record CorrectiveActionInput
{
    [Display(Name = "Corrective action"), Required(ErrorMessage = "Say what is to be done."), MaxLength(500, ErrorMessage = Messages.TooLong)]
    public string Title { get; init; } = "";

    [Display(Name = "Owner"), Required(ErrorMessage = "Choose who owns it.")]
    public int? OwnerPersonId { get; init; }

    [Display(Name = "Due on"), Required(ErrorMessage = "Give the due date.")]
    public DateOnly? DueOn { get; init; }

    public int Version { get; init; }
}

public sealed record TimelineInput
{
    /// When it happened; empty for now.
    [Display(Name = "When")]
    public DateTimeOffset? At { get; init; }

    [Display(Name = "What was done or learnt"), Required(ErrorMessage = "Say what was done or learnt."), MaxLength(4000, ErrorMessage = Messages.TooLong)]
    public string Text { get; init; } = "";
}

public sealed record TaskInput
{
    [Display(Name = "Task"), Required(ErrorMessage = "Say what is to be done."), MaxLength(500, ErrorMessage = Messages.TooLong)]
    public string Title { get; init; } = "";

    [Display(Name = "Owner"), Required(ErrorMessage = "Choose who owns it.")]
    public int? OwnerPersonId { get; init; }

    [Display(Name = "Due on"), Required(ErrorMessage = "Give the due date.")]
    public DateOnly? DueOn { get; init; }
}

public sealed record TaskDoneInput
{
    /// Done, or open again.
    public bool Done { get; init; } = true;

    public int Version { get; init; }
}

/// The investigation and improvement report, with the fields the incident regulation asks for,
/// and what the incident is linked to.
public sealed record InvestigationInput
{
    [Display(Name = "Scope and damage"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? ScopeAndDamage { get; init; }

    [Display(Name = "Course of containment, recovery and investigation"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? HandlingCourse { get; init; }

    [Display(Name = "Root cause"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? RootCause { get; init; }

    [Display(Name = "Preventive measures: management"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? PreventiveManagement { get; init; }

    [Display(Name = "Preventive measures: technology"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? PreventiveTechnology { get; init; }

    [Display(Name = "Preventive measures: staffing"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? PreventiveStaffing { get; init; }

    [Display(Name = "Preventive measures: resources"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? PreventiveResources { get; init; }

    [Display(Name = "Planned completion")]
    public DateOnly? PlannedCompletion { get; init; }

    [Display(Name = "Follow-up"), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string? FollowUp { get; init; }

    [Display(Name = "Affected system or asset"), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string? AffectedSystem { get; init; }

    [Display(Name = "Unit")]
    public int? UnitId { get; init; }

    /// The availability outage an availability incident is about.
    [Display(Name = "Outage")]
    public int? OutageId { get; init; }

    public int Version { get; init; }
}

/// A drill's own results.
public sealed record DrillResultsInput
{
    [Display(Name = "Kind of drill"), Required(ErrorMessage = "Choose the kind of drill.")]
    public DrillKind? DrillKind { get; init; }

    [Display(Name = "Taking part"), Range(0, 1_000_000, ErrorMessage = "Give a whole number from {1} to {2}.")]
    public int? Participants { get; init; }

    [Display(Name = "Failed it"), Range(0, 1_000_000, ErrorMessage = "Give a whole number from {1} to {2}.")]
    public int? Failures { get; init; }

    [Display(Name = "Reported it"), Range(0, 1_000_000, ErrorMessage = "Give a whole number from {1} to {2}.")]
    public int? Reported { get; init; }

    [Display(Name = "Results and lessons"), MaxLength(4000, ErrorMessage = Messages.TooLong)]
    public string? Results { get; init; }

    public int Version { get; init; }
}

public sealed record ClosureRequestInput
{
    [Display(Name = "Note"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Note { get; init; }

    public int Version { get; init; }
}

public sealed record ClosureDecisionInput
{
    public bool Approve { get; init; }

    /// Needed when the closure is sent back.
    [Display(Name = "Note"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Note { get; init; }

    public int Version { get; init; }
}

public sealed record TimelineEntryResponse(int Id, DateTimeOffset At, string Text, string AuthorName, DateTimeOffset WrittenAt);

public sealed record ReportTaskResponse(int Id, ReportTaskKind Kind, string Title, int OwnerPersonId, string OwnerName, DateOnly DueOn, DateTimeOffset? DoneAt, bool Overdue, int Version);

public sealed record InvestigationResponse(
    string? ScopeAndDamage, string? HandlingCourse, string? RootCause, string? PreventiveManagement, string? PreventiveTechnology,
    string? PreventiveStaffing, string? PreventiveResources, DateOnly? PlannedCompletion, string? FollowUp);

public sealed record DrillResponse(DrillKind? Kind, int? Participants, int? Failures, int? Reported, string? Results);

public sealed record ClosureResponse(DateTimeOffset? RequestedAt, Guid? RequestedById, Guid? ApprovedById, string? Note, bool NeedsApproval);

/// An incident in full: the report, its handling and its investigation.
public sealed record IncidentDetailsResponse(
    ReportResponse Report, int? UnitId, string? UnitName, int? OutageId, InvestigationResponse Investigation, DrillResponse? DrillResults,
    ClosureResponse Closure, IReadOnlyList<TimelineEntryResponse> Timeline, IReadOnlyList<ReportTaskResponse> Tasks,
    IReadOnlyList<ImpactInput> Impacts, IReadOnlyList<string> LevelReasons);
