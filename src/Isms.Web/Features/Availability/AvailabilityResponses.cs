namespace Isms.Web.Features.Availability;

public sealed record ServiceResponse(int Id, string Name, string? NameZh, string? Description, decimal Target, bool IsActive, int Version)
{
    public static ServiceResponse Of(AvailabilityService s) => new(s.Id, s.Name, s.NameZh, s.Description, Plain(s.Target), s.IsActive, s.Version);

    /// 0.99, not 0.990000 as PostgreSQL's numeric(7,6) gives it back.
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// A monitor as the UI and the API show it. The heartbeat token appears only in the answer that
/// created or renewed it (PushToken); afterwards only whether one is set.
public sealed record MonitorResponse(
    int Id, int ServiceId, string Name, [property: System.Text.Json.Serialization.JsonConverter(typeof(MonitorKindJson))] MonitorKind Kind, string Method, string? Url, string ExpectedStatus, string? BodyContains,
    int CertificateWarningDays, string? Host, int? Port, int IntervalSeconds, int TimeoutSeconds, int FailuresToOpen, bool Critical,
    bool IsActive, int Version, string? PushPath, string? PushToken)
{
    public static MonitorResponse Of(ServiceMonitor m, string? token = null) => new(
        m.Id, m.ServiceId, m.Name, m.Kind, m.Method, m.Url, m.ExpectedStatus, m.BodyContains, m.CertificateWarningDays, m.Host, m.Port,
        m.IntervalSeconds, m.TimeoutSeconds, m.FailuresToOpen, m.Critical, m.IsActive, m.Version,
        m.Kind == MonitorKind.Push ? PushTokens.PathTemplate : null, token);
}

public sealed record OutageResponse(
    int Id, OutageSource Source, int? MonitorId, IReadOnlyList<int> ServiceIds, DateTimeOffset Start, DateTimeOffset? End, long? DurationSeconds,
    string? Cause, string? Error, bool Confirmed, bool NotServiceFault, string? ChangeReason, int Version);

public sealed record MaintenanceResponse(int Id, int ServiceId, DateTimeOffset Start, DateTimeOffset End, string Notice, DateTimeOffset AnnouncedAt, int Version)
{
    public static MaintenanceResponse Of(MaintenanceWindow m) => new(m.Id, m.ServiceId, m.Start, m.End, m.Notice, m.AnnouncedAt, m.Version);
}

public sealed record AvailabilitySettingsResponse(bool MaintenanceCountsAsDowntime, int CertificateWarningDays, int Version)
{
    public static AvailabilitySettingsResponse Of(AvailabilitySetting s) => new(s.MaintenanceCountsAsDowntime, s.CertificateWarningDays, s.Version);
}
