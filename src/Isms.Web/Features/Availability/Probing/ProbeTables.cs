using Isms.Core.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Availability.Probing;

/// One probe's result. Kept for the raw retention (30 days by default); roll-ups and outages stay.
public sealed class ProbeResult
{
    public long Id { get; private set; }

    public int MonitorId { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Success { get; set; }

    public int LatencyMs { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }
}

/// A time a monitor had no probe data (the engine was stopped, or no node held its lease): shown as
/// unknown, never as up.
public sealed class MonitorGap
{
    public long Id { get; private set; }

    public int MonitorId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}

/// A monitor's probes summed per minute, hour or agency-local day.
public sealed class MonitorRollup
{
    public int MonitorId { get; set; }

    public RollupSize Size { get; set; }

    public DateTimeOffset Start { get; set; }

    public int Probes { get; set; }

    public int Failures { get; set; }

    public long LatencySumMs { get; set; }

    public int LatencyMaxMs { get; set; }

    public int DownSeconds { get; set; }

    public int UnknownSeconds { get; set; }
}

/// The probe engine's state of one monitor, kept so that a restart or another node carries on
/// where the last left off, and the lease that keeps two nodes from probing it at once.
public sealed class MonitorState
{
    public int MonitorId { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? FirstFailureAt { get; set; }

    public int? OpenOutageId { get; set; }

    public DateTimeOffset? FirstSampleAt { get; set; }

    public DateTimeOffset? LastSampleAt { get; set; }

    public bool? LastSuccess { get; set; }

    public int? LastLatencyMs { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? CertificateExpiresAt { get; set; }

    /// Heartbeat monitors: when the service last called in.
    public DateTimeOffset? LastBeatAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// Roll-ups are complete up to here.
    public DateTimeOffset? RolledUpTo { get; set; }
}

/// A running probe engine, seen recently: the nodes share the monitors evenly.
public sealed class ProbeNode
{
    public required string Id { get; set; }

    public DateTimeOffset SeenAt { get; set; }
}

public sealed class ProbeTablesConfiguration : IEntityTypeConfiguration<ProbeResult>, IEntityTypeConfiguration<MonitorGap>,
    IEntityTypeConfiguration<MonitorRollup>, IEntityTypeConfiguration<MonitorState>, IEntityTypeConfiguration<ProbeNode>
{
    public void Configure(EntityTypeBuilder<ProbeResult> builder)
    {
        builder.Property(r => r.Error).HasMaxLength(500);
        builder.HasIndex(r => new { r.MonitorId, r.At });
        builder.HasIndex(r => r.At);
        builder.HasOne<ServiceMonitor>().WithMany().HasForeignKey(r => r.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MonitorGap> builder)
    {
        builder.HasIndex(g => new { g.MonitorId, g.Start });
        builder.HasOne<ServiceMonitor>().WithMany().HasForeignKey(g => g.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MonitorRollup> builder)
    {
        builder.HasKey(r => new { r.MonitorId, r.Size, r.Start });
        builder.HasOne<ServiceMonitor>().WithMany().HasForeignKey(r => r.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MonitorState> builder)
    {
        builder.HasKey(s => s.MonitorId);
        builder.Property(s => s.LastError).HasMaxLength(500);
        builder.Property(s => s.LeaseOwner).HasMaxLength(100);
        builder.HasOne<ServiceMonitor>().WithOne().HasForeignKey<MonitorState>(s => s.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProbeNode> builder)
    {
        builder.Property(n => n.Id).HasMaxLength(100);
    }
}
