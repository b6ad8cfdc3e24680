namespace Isms.Web.Features.People;

public sealed record PersonResponse(
    int Id,
    string? EmployeeNumber,
    string FullName,
    string? Email,
    PersonKind Kind,
    int UnitId,
    string UnitCode,
    string UnitName,
    int? VendorId,
    string? VendorName,
    string JobFunction,
    string? Phone,
    DateOnly ActiveFrom,
    DateOnly? ActiveTo,
    bool IsActive,
    string? AccountUserName,
    int Clearance,
    bool AgreementSigned,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
