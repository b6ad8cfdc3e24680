using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Availability;

public enum MonitorKind
{
    Http,
    Tcp,
    Push,
}

/// One way of seeing whether a service is up: an HTTP(S) request, a TCP connect, or heartbeats the
/// service sends us. The service is down while any of its critical monitors is down.
public sealed class ServiceMonitor
{
    public int Id { get; private set; }

    public int ServiceId { get; set; }

    public required string Name { get; set; }

    public MonitorKind Kind { get; set; }

    public string Method { get; set; } = "GET";

    public string? Url { get; set; }

    /// Status codes that count as success, as a list of codes and ranges ("200-299,301").
    public string ExpectedStatus { get; set; } = "200-399";

    public string? BodyContains { get; set; }

    /// For HTTPS: the certificate must be valid; alert when it expires within this many days.
    public int CertificateWarningDays { get; set; } = 14;

    public string? Host { get; set; }

    public int? Port { get; set; }

    /// Heartbeat monitors: the SHA-256 of the token the service sends (the token is shown once).
    public string? PushTokenHash { get; set; }

    public int IntervalSeconds { get; set; } = 30;

    public int TimeoutSeconds { get; set; } = 10;

    /// Consecutive failures that open an outage (its start is the first of them).
    public int FailuresToOpen { get; set; } = 2;

    public bool Critical { get; set; } = true;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

public sealed class ServiceMonitorConfiguration : IEntityTypeConfiguration<ServiceMonitor>
{
    public void Configure(EntityTypeBuilder<ServiceMonitor> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Method).HasMaxLength(10);
        builder.Property(m => m.Url).HasMaxLength(2000);
        builder.Property(m => m.ExpectedStatus).HasMaxLength(100);
        builder.Property(m => m.BodyContains).HasMaxLength(500);
        builder.Property(m => m.Host).HasMaxLength(255);
        builder.Property(m => m.PushTokenHash).HasMaxLength(64);
        builder.HasIndex(m => m.PushTokenHash).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.ServiceId);
        builder.HasOne<AvailabilityService>().WithMany().HasForeignKey(m => m.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
