using Isms.Core.Access;

namespace Isms.Web.Features.Documents;

public sealed record DocumentResponse(
    int Id,
    string Reference,
    string Title,
    DocumentKind Kind,
    string? Summary,
    string? Edition,
    DateOnly? EffectiveOn,
    DateOnly? NextReviewOn,
    bool IsWithdrawn,
    int OwnerUnitId,
    string OwnerUnitCode,
    string OwnerUnitName,
    int Classification,
    RecordAudience Audience,
    int? VendorId,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// The classification's name on the configured scale.
    public string? ClassificationName { get; init; }

    public DocumentInput ToInput() => new()
    {
        Reference = Reference,
        Title = Title,
        Kind = Kind,
        Summary = Summary,
        Edition = Edition,
        EffectiveOn = EffectiveOn,
        NextReviewOn = NextReviewOn,
        IsWithdrawn = IsWithdrawn,
        OwnerUnitId = OwnerUnitId,
        Classification = Classification,
        Audience = Audience,
        VendorId = VendorId,
        Version = Version,
    };
}
