using System.Text.Json;
using System.Text.Json.Serialization;

namespace Isms.Web.Features.Incidents;

/// How an incident's impacts are kept in its ImpactsJson column: the triage form's rows, enums by name.
public static class ImpactColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(IEnumerable<ImpactInput>? impacts) => JsonSerializer.Serialize(impacts, Options);

    public static List<ImpactInput> Read(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<ImpactInput>>(json, Options) ?? [];
}
