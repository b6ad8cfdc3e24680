using System.Text.Json;
using System.Text.Json.Serialization;

namespace Isms.Web.Features.Availability;

/// A monitor's kind in JSON as the issue spells it: "http", "tcp", "push" (read in any case).
public sealed class MonitorKindJson() : JsonStringEnumConverter<MonitorKind>(JsonNamingPolicy.CamelCase);
