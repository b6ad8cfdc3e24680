namespace Isms.Web.Features.Availability.Probing;

/// What the engine needs to probe one monitor, read once per lease refresh.
public sealed record ProbeSpec(
    int MonitorId, int ServiceId, MonitorKind Kind, string Method, Uri? Url, ExpectedStatus Expected, string? BodyContains,
    string? Host, int? Port, TimeSpan Interval, TimeSpan Timeout, int FailuresToOpen, int Version)
{
    /// After this long without a probe the monitor's state is unknown (DESIGN.md §2: never up).
    public TimeSpan StaleAfter => (Interval * 2) + Timeout;

    public static ProbeSpec Of(ServiceMonitor m) => new(
        m.Id, m.ServiceId, m.Kind, m.Method, m.Url is null ? null : new Uri(m.Url), Availability.ExpectedStatus.TryParse(m.ExpectedStatus, out var e) ? e : new ExpectedStatus([(200, 399)]),
        m.BodyContains, m.Host, m.Port, TimeSpan.FromSeconds(m.IntervalSeconds), TimeSpan.FromSeconds(m.TimeoutSeconds), m.FailuresToOpen, m.Version);
}

/// One probe's outcome as the engine records it.
public sealed record ProbeOutcome(int MonitorId, DateTimeOffset At, bool Success, int LatencyMs, int? StatusCode, string? Error, DateTimeOffset? CertificateExpiresAt = null);

/// The seam between the engine and the network (STYLE rule 4): HTTP and TCP probes, and the check
/// that a heartbeat came in.
public interface IProbeClient
{
    Task<ProbeOutcome> ProbeAsync(ProbeSpec spec, DateTimeOffset at, CancellationToken cancellationToken);
}
