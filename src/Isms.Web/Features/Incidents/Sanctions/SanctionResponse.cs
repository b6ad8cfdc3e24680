using Isms.Core.Incidents;

namespace Isms.Web.Features.Incidents.Sanctions;

public sealed record SanctionResponse(
    int Id,
    int PersonId,
    string PersonName,
    int UnitId,
    string UnitName,
    string? UnitNameZh,
    SanctionKind Kind,
    string Decision,
    DateOnly DecidedOn,
    string DecidedBy,
    string? Report,
    ReportKind? ReportKind,
    DateTimeOffset RecordedAt,
    int Version)
{
    public SanctionInput ToInput() => new()
    {
        PersonId = PersonId,
        Kind = Kind.ToString(),
        Decision = Decision,
        DecidedOn = DecidedOn,
        DecidedBy = DecidedBy,
        Report = Report,
        Version = Version,
    };
}
