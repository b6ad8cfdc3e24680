using System.ComponentModel.DataAnnotations;
using Isms.Core.Incidents;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Incidents;

public sealed record ReportInput : IValidatableObject
{
    [Display(Name = "What is it")]
    public ReportKind Kind { get; init; }

    [Display(Name = "What happened"), Required(ErrorMessage = "Say what happened or what you noticed."), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string Description { get; init; } = "";

    [Display(Name = "When you noticed it")]
    public DateTimeOffset? NoticedAt { get; init; }

    [Display(Name = "Affected system or asset"), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string? AffectedSystem { get; init; }

    [Display(Name = "How to reach you"), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string? Contact { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult(validationContext.Localize("Choose incident, suspected weakness or suggestion."), [nameof(Kind)]);
        }
    }
}

public sealed record RejectInput
{
    [Display(Name = "Reason"), Required(ErrorMessage = "Give the reason."), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string Reason { get; init; } = "";

    public int Version { get; init; }
}

public sealed record ConfirmInput
{
    public IReadOnlyList<ImpactInput>? Impacts { get; init; }

    [Display(Name = "When it happened")]
    public DateTimeOffset? OccurredAt { get; init; }

    [Display(Name = "When the handling unit became aware")]
    public DateTimeOffset? AwareAt { get; init; }

    [Display(Name = "Drill")]
    public bool Drill { get; init; }

    [Display(Name = "Kind of drill")]
    public DrillKind? DrillKind { get; init; }

    /// Needed only when the new level is lower than the one given before.
    [Display(Name = "Reason for a lower level"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Reason { get; init; }

    public int Version { get; init; }
}

/// The times of an incident's handling, each checked against its deadline.
public sealed record HandlingTimesInput
{
    [Display(Name = "Reported to the competent authority at")]
    public DateTimeOffset? ReportedExternallyAt { get; init; }

    [Display(Name = "The authority's reference"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? ExternalReference { get; init; }

    [Display(Name = "Damage control or recovery completed at")]
    public DateTimeOffset? RecoveredAt { get; init; }

    [Display(Name = "Closed at")]
    public DateTimeOffset? ClosedAt { get; init; }

    public int Version { get; init; }
}

/// A report as its reporter sees it: what they sent and where it stands, nothing of the triage.
public sealed record OwnReportResponse(string Number, ReportKind Kind, ReportStatus Status, DateTimeOffset ReportedAt, DateTimeOffset NoticedAt, string Description, string? AffectedSystem);

/// A report as the security handling unit and auditors see it.
public sealed record ReportResponse(
    string Number, ReportKind Kind, ReportStatus Status, string Description, DateTimeOffset NoticedAt, string? AffectedSystem, string? Contact,
    Guid? ReporterAccountId, int? ReporterPersonId, DateTimeOffset ReportedAt, string? TriageReason, DateTimeOffset? TriagedAt,
    int? Level, bool? Major, DateTimeOffset? OccurredAt, DateTimeOffset? AwareAt, bool Drill,
    DateTimeOffset? ReportedExternallyAt, string? ExternalReference, DateTimeOffset? RecoveredAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? ReportBy, DateTimeOffset? RecoverBy, DateTimeOffset? ImprovementReportBy, int Version)
{
    public static ReportResponse Of(SecurityReport r, IncidentDeadlines? deadlines = null) => new(
        r.Number, r.Kind, r.Status, r.Description, r.NoticedAt, r.AffectedSystem, r.Contact, r.ReporterAccountId, r.ReporterPersonId, r.ReportedAt,
        r.TriageReason, r.TriagedAt, r.Level, r.Level is { } level ? level >= 3 : null, r.OccurredAt, r.AwareAt, r.Drill,
        r.ReportedExternallyAt, r.ExternalReference, r.RecoveredAt, r.ClosedAt, deadlines?.ReportBy, deadlines?.RecoverBy, deadlines?.ImprovementReportBy, r.Version);
}

/// The half year's incident count against the threshold, what was counted, and the count per
/// level, unit and system (an empty key: not recorded). Drills are counted apart, never in Count.
public sealed record ObjectiveResponse(
    int Year, int Half, int Count, int Threshold, bool Met, IReadOnlyList<string> Counted, IReadOnlyList<CountedIncident> Incidents,
    IReadOnlyList<CountBy> ByLevel, IReadOnlyList<CountBy> ByUnit, IReadOnlyList<CountBy> BySystem, int Drills);

public sealed record CountedIncident(string Number, int Level, DateOnly Date, string? Unit, string? System);

public sealed record CountBy(string Key, int Count);

/// Which reports a list shows.
public sealed record ReportFilter(ReportStatus? Status = null, ReportKind? Kind = null, bool? Open = null, bool? Drill = null, int? Take = null);
