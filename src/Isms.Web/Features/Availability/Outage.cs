using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Availability;

public enum OutageSource
{
    /// Opened and closed by the probes of one monitor.
    Detected,

    /// Recorded by hand, e.g. for a time the probes could not see.
    Recorded,
}

/// A time a service was down. Detected outages start at the first of the monitor's N consecutive
/// failures and end at the next success; recorded ones carry their own start and end.
public sealed class Outage
{
    public int Id { get; private set; }

    public OutageSource Source { get; set; }

    /// The monitor whose probes saw it (detected outages only).
    public int? MonitorId { get; set; }

    public DateTimeOffset Start { get; set; }

    /// Null while the outage goes on.
    public DateTimeOffset? End { get; set; }

    public string? Cause { get; set; }

    /// The first failing probe's error, e.g. "HTTP 503" or "timed out after 10 s".
    public string? Error { get; set; }

    public bool Confirmed { get; set; }

    /// A security officer found it was not the service's fault (the probes' own network failed):
    /// the time counts as unknown, not as downtime.
    public bool NotServiceFault { get; set; }

    /// Why the last person who changed it did so; earlier reasons are in the audit trail.
    public string? ChangeReason { get; set; }

    public Guid? RecordedById { get; set; }

    public int Version { get; set; }
}

/// The services an outage took down: the monitor's service for a detected outage, those chosen
/// for a recorded one.
public sealed class OutageService
{
    public int OutageId { get; set; }

    public int ServiceId { get; set; }
}

/// An announced planned maintenance window: by default left out of the period it falls in.
public sealed class MaintenanceWindow
{
    public int Id { get; private set; }

    public int ServiceId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public required string Notice { get; set; }

    public Guid? AnnouncedById { get; set; }

    public DateTimeOffset AnnouncedAt { get; set; }

    public int Version { get; set; }
}

/// The availability settings a security officer changes in the UI; one row.
public sealed class AvailabilitySetting
{
    public int Id { get; set; }

    /// Off by default: maintenance windows are left out of the denominator (DESIGN.md §2).
    public bool MaintenanceCountsAsDowntime { get; set; }

    /// Alert when an HTTPS certificate expires within this many days (a monitor can ask for more).
    public int CertificateWarningDays { get; set; } = 14;

    public int Version { get; set; }
}

public sealed class OutageConfiguration : IEntityTypeConfiguration<Outage>, IEntityTypeConfiguration<OutageService>,
    IEntityTypeConfiguration<MaintenanceWindow>, IEntityTypeConfiguration<AvailabilitySetting>
{
    public void Configure(EntityTypeBuilder<Outage> builder)
    {
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Cause).HasMaxLength(2000);
        builder.Property(o => o.Error).HasMaxLength(500);
        builder.Property(o => o.ChangeReason).HasMaxLength(1000);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.MonitorId, o.Start });
        builder.HasIndex(o => o.Start);
        builder.HasOne<ServiceMonitor>().WithMany().HasForeignKey(o => o.MonitorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<OutageService> builder)
    {
        builder.HasKey(o => new { o.OutageId, o.ServiceId });
        builder.HasIndex(o => o.ServiceId);
        builder.HasOne<Outage>().WithMany().HasForeignKey(o => o.OutageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AvailabilityService>().WithMany().HasForeignKey(o => o.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.Property(m => m.Notice).HasMaxLength(2000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.ServiceId, m.Start });
        builder.HasOne<AvailabilityService>().WithMany().HasForeignKey(m => m.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AvailabilitySetting> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
