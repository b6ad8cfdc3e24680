using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Organisation;

public sealed record UnitInput
{
    [Display(Name = "Code"), Required(ErrorMessage = "Enter a code."), MaxLength(20, ErrorMessage = Messages.TooLong), RegularExpression("^[A-Za-z0-9][A-Za-z0-9_-]*$", ErrorMessage = "Use letters, digits, '-' and '_' only.")]
    public string Code { get; init; } = "";

    [Display(Name = "Name"), Required(ErrorMessage = "Enter a name."), MaxLength(150, ErrorMessage = Messages.TooLong)]
    public string Name { get; init; } = "";

    [Display(Name = "Name in Chinese"), MaxLength(150, ErrorMessage = Messages.TooLong)]
    public string? NameZh { get; init; }

    [Display(Name = "Kind"), EnumDataType(typeof(UnitKind))]
    public UnitKind Kind { get; init; }

    [Display(Name = "Parent unit")]
    public int? ParentId { get; init; }

    [Display(Name = "Location"), MaxLength(50, ErrorMessage = Messages.TooLong)]
    public string? Location { get; init; }

    public bool IsActive { get; init; } = true;

    public int Version { get; init; }
}

public sealed record UnitResponse(int Id, string Code, string Name, string? NameZh, UnitKind Kind, int? ParentId, string? Location, bool IsActive, int Version);

public sealed record VendorInput : IValidatableObject
{
    [Display(Name = "Name"), Required(ErrorMessage = "Enter a name."), MaxLength(150, ErrorMessage = Messages.TooLong)]
    public string Name { get; init; } = "";

    [Display(Name = "Kind"), EnumDataType(typeof(VendorKind))]
    public VendorKind Kind { get; init; }

    [Display(Name = "Contract number"), MaxLength(50, ErrorMessage = Messages.TooLong)]
    public string? ContractNumber { get; init; }

    [Display(Name = "Contract start")]
    public DateOnly? ContractStart { get; init; }

    [Display(Name = "Contract end")]
    public DateOnly? ContractEnd { get; init; }

    [Display(Name = "Contact name"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? ContactName { get; init; }

    [Display(Name = "Contact e-mail"), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), MaxLength(254, ErrorMessage = Messages.TooLong)]
    public string? ContactEmail { get; init; }

    [Display(Name = "Contact phone"), MaxLength(30, ErrorMessage = Messages.TooLong)]
    public string? ContactPhone { get; init; }

    public bool IsActive { get; init; } = true;

    public int Version { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ContractStart is { } start && ContractEnd is { } end && end < start)
        {
            yield return new ValidationResult(validationContext.Localize("The contract cannot end before it starts."), [nameof(ContractEnd)]);
        }
    }
}

public sealed record VendorResponse(
    int Id, string Name, VendorKind Kind, string? ContractNumber, DateOnly? ContractStart, DateOnly? ContractEnd,
    string? ContactName, string? ContactEmail, string? ContactPhone, bool IsActive, int Version);

public sealed record ResponsibilityInput : IValidatableObject
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose a person.")]
    public int PersonId { get; init; }

    [Range(1, int.MaxValue, ErrorMessage = "Choose a unit.")]
    public int UnitId { get; init; }

    [EnumDataType(typeof(ResponsibilityKind))]
    public ResponsibilityKind Kind { get; init; }

    [Required(ErrorMessage = "Enter the first day.")]
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (To is { } to && From is { } from && to < from)
        {
            yield return new ValidationResult(validationContext.Localize("The last day cannot be before the first."), [nameof(To)]);
        }
    }
}

public sealed record ResponsibilityResponse(
    int Id, int PersonId, string PersonName, int UnitId, string UnitName, ResponsibilityKind Kind, DateOnly From, DateOnly? To);

public static class OrganisationMapping
{
    public static UnitResponse ToResponse(this Unit u) => new(u.Id, u.Code, u.Name, u.NameZh, u.Kind, u.ParentId, u.Location, u.IsActive, u.Version);

    public static UnitInput ToInput(this Unit u) => new()
    {
        Code = u.Code,
        Name = u.Name,
        NameZh = u.NameZh,
        Kind = u.Kind,
        ParentId = u.ParentId,
        Location = u.Location,
        IsActive = u.IsActive,
        Version = u.Version,
    };

    public static VendorInput ToInput(this Vendor v) => new()
    {
        Name = v.Name,
        Kind = v.Kind,
        ContractNumber = v.ContractNumber,
        ContractStart = v.ContractStart,
        ContractEnd = v.ContractEnd,
        ContactName = v.ContactName,
        ContactEmail = v.ContactEmail,
        ContactPhone = v.ContactPhone,
        IsActive = v.IsActive,
        Version = v.Version,
    };

    public static VendorResponse ToResponse(this Vendor v) => new(
        v.Id, v.Name, v.Kind, v.ContractNumber, v.ContractStart, v.ContractEnd, v.ContactName, v.ContactEmail, v.ContactPhone, v.IsActive, v.Version);
}
