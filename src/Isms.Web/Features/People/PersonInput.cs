using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.People;

/// What a caller may set on a person, from the API, the edit page or a CSV row. The id, account
/// link history, timestamps and search text are never bound from a request.
public sealed record PersonInput : IValidatableObject
{
    [Display(Name = "Employee number"), MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? EmployeeNumber { get; init; }

    [Display(Name = "Full name"), Required(ErrorMessage = "Enter the full name."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string FullName { get; init; } = "";

    [Display(Name = "E-mail"), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), MaxLength(254, ErrorMessage = Messages.TooLong)]
    public string? Email { get; init; }

    [Display(Name = "Kind")]
    public PersonKind Kind { get; init; }

    [Display(Name = "Unit"), Range(1, int.MaxValue, ErrorMessage = "Choose a unit.")]
    public int UnitId { get; init; }

    [Display(Name = "Vendor")]
    public int? VendorId { get; init; }

    [Display(Name = "Job function"), Required(ErrorMessage = "Enter the job function."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string JobFunction { get; init; } = "";

    [Display(Name = "Phone"), MaxLength(30, ErrorMessage = Messages.TooLong)]
    public string? Phone { get; init; }

    [Display(Name = "Active from"), Required(ErrorMessage = "Enter the first active day.")]
    public DateOnly? ActiveFrom { get; init; }

    [Display(Name = "Active to")]
    public DateOnly? ActiveTo { get; init; }

    /// The user name of the sign-in account to link; empty for none.
    [Display(Name = "Sign-in account"), MaxLength(256, ErrorMessage = Messages.TooLong)]
    public string? AccountUserName { get; init; }

    /// The version the caller last read; an update made against an older version is refused.
    public int Version { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ActiveTo is { } to && ActiveFrom is { } from && to < from)
        {
            yield return new ValidationResult(validationContext.Localize("The last active day cannot be before the first."), [nameof(ActiveTo)]);
        }

        if (Kind == PersonKind.VendorStaff && VendorId is null)
        {
            yield return new ValidationResult(validationContext.Localize("Vendor staff need their vendor."), [nameof(VendorId)]);
        }

        if (Kind != PersonKind.VendorStaff && VendorId is not null)
        {
            yield return new ValidationResult(validationContext.Localize("Only vendor staff belong to a vendor."), [nameof(VendorId)]);
        }

        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult(validationContext.Localize("Choose a kind of person."), [nameof(Kind)]);
        }
    }
}
