using System.ComponentModel.DataAnnotations;
using Isms.Core.Calendars;
using Isms.Core.Incidents;
using Isms.Web.Features.Availability;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Incidents;

/// One row of the impacts editor. A row with nothing chosen is left out; the checkboxes say "no"
/// when unticked.
public sealed record ImpactRow
{
    public ImpactAspect? Aspect { get; init; }

    public ImpactScope? Scope { get; init; }

    public bool CriticalInfrastructure { get; init; }

    public ImpactSeverity? Severity { get; init; }

    public bool RestoredWithinTolerableTime { get; init; }

    public bool IsBlank => Aspect is null && Scope is null && Severity is null;

    // Availability is graded by the restoration, the other aspects by their severity: the field
    // that does not apply is not sent, whatever the row shows.
    public ImpactInput ToInput() => new()
    {
        Aspect = Aspect,
        Scope = Scope,
        CriticalInfrastructure = CriticalInfrastructure,
        Severity = Aspect == ImpactAspect.Availability ? null : Severity,
        RestoredWithinTolerableTime = Aspect == ImpactAspect.Availability ? RestoredWithinTolerableTime : null,
    };

    public static ImpactRow Of(ImpactInput impact) => new()
    {
        Aspect = impact.Aspect,
        Scope = impact.Scope,
        CriticalInfrastructure = impact.CriticalInfrastructure,
        Severity = impact.Severity,
        RestoredWithinTolerableTime = impact.RestoredWithinTolerableTime == true,
    };
}

/// The confirm-and-grade form: times are typed in Taipei time.
public sealed record GradeForm
{
    /// Rows the editor always offers, so that it works without JavaScript.
    public const int MinimumRows = 3;

    public List<ImpactRow> Impacts { get; init; } = [];

    [Display(Name = "When it happened")]
    public DateTime? OccurredAt { get; init; }

    [Display(Name = "When the handling unit became aware")]
    public DateTime? AwareAt { get; init; }

    [Display(Name = "Drill")]
    public bool Drill { get; init; }

    [Display(Name = "Kind of drill")]
    public DrillKind? DrillKind { get; init; }

    [Display(Name = "Reason for a lower level"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Reason { get; init; }

    public int Version { get; init; }

    /// The filled rows first, then blank ones up to the minimum and one spare: the service names a
    /// row by its place among the filled ones, which is then its place on the page too.
    public GradeForm Compact()
    {
        var filled = Impacts.Where(r => !r.IsBlank).ToList();
        var blanks = Math.Max(MinimumRows - filled.Count, 1);
        return this with { Impacts = [.. filled, .. Enumerable.Range(0, blanks).Select(_ => new ImpactRow())] };
    }

    public LevelPreviewRequest ToPreview() => new() { Impacts = Impacts.Where(r => !r.IsBlank).Select(r => r.ToInput()).ToList() };

    public ConfirmInput ToInput(AgencyTime agency) => new()
    {
        Impacts = ToPreview().Impacts,
        OccurredAt = agency.FromLocal(OccurredAt),
        AwareAt = agency.FromLocal(AwareAt),
        Drill = Drill,
        DrillKind = Drill ? DrillKind : null,
        Reason = Reason,
        Version = Version,
    };
}

/// The handling times, typed in Taipei time.
public sealed record TimesForm
{
    [Display(Name = "Reported to the competent authority at")]
    public DateTime? ReportedExternallyAt { get; init; }

    [Display(Name = "The authority's reference"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? ExternalReference { get; init; }

    [Display(Name = "Damage control or recovery completed at")]
    public DateTime? RecoveredAt { get; init; }

    [Display(Name = "Closed at")]
    public DateTime? ClosedAt { get; init; }

    public int Version { get; init; }

    public HandlingTimesInput ToInput(AgencyTime agency) => new()
    {
        ReportedExternallyAt = agency.FromLocal(ReportedExternallyAt),
        ExternalReference = ExternalReference,
        RecoveredAt = agency.FromLocal(RecoveredAt),
        ClosedAt = agency.FromLocal(ClosedAt),
        Version = Version,
    };

    public static TimesForm Of(ReportResponse r, AgencyTime agency) => new()
    {
        ReportedExternallyAt = agency.ToLocalInput(r.ReportedExternallyAt),
        ExternalReference = r.ExternalReference,
        RecoveredAt = agency.ToLocalInput(r.RecoveredAt),
        ClosedAt = agency.ToLocalInput(r.ClosedAt),
        Version = r.Version,
    };
}

/// A timeline entry, its time typed in Taipei time (empty for now).
public sealed record TimelineForm
{
    [Display(Name = "When")]
    public DateTime? At { get; init; }

    [Display(Name = "What was done or learnt"), Required(ErrorMessage = "Say what was done or learnt."), MaxLength(4000, ErrorMessage = Messages.TooLong)]
    public string Text { get; init; } = "";

    public TimelineInput ToInput(AgencyTime agency) => new() { At = agency.FromLocal(At), Text = Text };
}
