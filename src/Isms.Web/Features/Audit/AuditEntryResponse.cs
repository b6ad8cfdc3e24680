using System.Linq.Expressions;
using System.Text.Json;

namespace Isms.Web.Features.Audit;

public sealed record AuditEntryResponse(
    long Sequence,
    DateTimeOffset At,
    Guid? ActorAccountId,
    string? ActorName,
    int? ActorPersonId,
    string Action,
    string? EntityType,
    string? EntityId,
    string? Changes,
    string? ClientIp,
    string? RequestId,
    string Hash)
{
    public static readonly Expression<Func<AuditEntry, AuditEntryResponse>> Projection = e => new AuditEntryResponse(
        e.Sequence, e.At, e.ActorAccountId, e.ActorName, e.ActorPersonId, e.Action, e.EntityType, e.EntityId, e.Changes, e.ClientIp,
        e.RequestId, Convert.ToHexString(e.Hash));

    /// The changed fields as (field, old, new) rows when the entry is an entity change; empty otherwise.
    public IReadOnlyList<(string Field, string? Old, string? New)> ChangedFields()
    {
        if (Changes is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(Changes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var rows = new List<(string, string?, string?)>();
        foreach (var field in document.RootElement.EnumerateObject())
        {
            if (field.Value.ValueKind != JsonValueKind.Object)
            {
                rows.Add((field.Name, null, Text(field.Value)));
                continue;
            }

            if (field.Value.TryGetProperty("redacted", out _))
            {
                rows.Add((field.Name, "•••", "•••"));
                continue;
            }

            rows.Add((field.Name,
                field.Value.TryGetProperty("old", out var old) ? Text(old) : null,
                field.Value.TryGetProperty("new", out var current) ? Text(current) : null));
        }

        return rows;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
