using System.ComponentModel.DataAnnotations;
using Isms.Core.Access;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Documents;

/// What a caller may set on a document; the creator, timestamps and search text are never bound.
public sealed record DocumentInput : IValidatableObject
{
    [Display(Name = "Reference"), Required(ErrorMessage = "Enter the document reference."), MaxLength(30, ErrorMessage = Messages.TooLong)]
    public string Reference { get; init; } = "";

    [Display(Name = "Title"), Required(ErrorMessage = "Enter the title."), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string Title { get; init; } = "";

    [Display(Name = "Kind")]
    public DocumentKind Kind { get; init; }

    [Display(Name = "Summary"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Summary { get; init; }

    [Display(Name = "Edition"), MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Edition { get; init; }

    [Display(Name = "Effective on")]
    public DateOnly? EffectiveOn { get; init; }

    [Display(Name = "Next review on")]
    public DateOnly? NextReviewOn { get; init; }

    [Display(Name = "Withdrawn")]
    public bool IsWithdrawn { get; init; }

    [Display(Name = "Owner unit"), Range(1, int.MaxValue, ErrorMessage = "Choose a unit.")]
    public int OwnerUnitId { get; init; }

    /// A rank on the classification scale (GET /api/v1/classifications lists them).
    [Display(Name = "Classification"), Range(0, int.MaxValue, ErrorMessage = "Choose a classification.")]
    public int Classification { get; init; }

    [Display(Name = "Audience")]
    public RecordAudience Audience { get; init; }

    [Display(Name = "Vendor")]
    public int? VendorId { get; init; }

    /// The version the caller last read; an update made against an older version is refused.
    public int Version { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult(validationContext.Localize("Choose a kind of document."), [nameof(Kind)]);
        }

        if (!Enum.IsDefined(Audience))
        {
            yield return new ValidationResult(validationContext.Localize("Choose who may read the document."), [nameof(Audience)]);
        }

        if (EffectiveOn is { } from && NextReviewOn is { } review && review < from)
        {
            yield return new ValidationResult(validationContext.Localize("The next review cannot be before the document takes effect."), [nameof(NextReviewOn)]);
        }
    }
}
