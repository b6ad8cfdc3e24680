using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;

namespace Isms.Web.Features.Incidents.Sanctions;

/// What the handling unit records of a reward or a punishment; the person's unit, who recorded it
/// and when are never bound.
public sealed record SanctionInput : IValidatableObject
{
    [Display(Name = "Person"), Range(1, int.MaxValue, ErrorMessage = "Choose a person.")]
    public int PersonId { get; init; }

    /// Reward or Punishment, by name in any letter case: an unknown name is a field error, not a bare 400.
    [Display(Name = "Reward or punishment"), Required(ErrorMessage = "Choose reward or punishment."), MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Kind { get; init; }

    [Display(Name = "Decision"), Required(ErrorMessage = "Enter the decision."), MaxLength(4000, ErrorMessage = Messages.TooLong)]
    public string Decision { get; init; } = "";

    [Display(Name = "Decided on"), Required(ErrorMessage = "Enter the date of the decision.")]
    public DateOnly? DecidedOn { get; init; }

    [Display(Name = "Decided by"), Required(ErrorMessage = "Say who decided it."), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string DecidedBy { get; init; } = "";

    /// The number of the incident or suggestion it came from (SR-2026-000001), if any.
    [Display(Name = "Report number"), MaxLength(14, ErrorMessage = Messages.TooLong)]
    public string? Report { get; init; }

    /// The version the caller last read; an update made against an older version is refused.
    public int Version { get; init; }

    public SanctionKind? KindValue => QueryValues.ParseEnum<SanctionKind>(Kind);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Kind) && KindValue is null)
        {
            yield return new ValidationResult(validationContext.Localize("Choose reward or punishment."), [nameof(Kind)]);
        }
    }
}
