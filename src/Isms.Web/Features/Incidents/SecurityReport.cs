using Isms.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Incidents;

public enum ReportStatus
{
    /// <summary>Waiting for triage.</summary>
    Reported,

    /// <summary>A false positive, with the reason.</summary>
    Rejected,

    /// <summary>A confirmed incident, graded.</summary>
    Confirmed,
}

/// A report through the channel everyone in scope uses (policy IV.C.2.d): an incident, a suspected
/// weakness or a suggestion, triaged by the security handling unit.
public sealed class SecurityReport
{
    public int Id { get; private set; }

    /// SR-2026-000123: the year of the report and a number counted per year.
    public required string Number { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public ReportKind Kind { get; set; }

    public required string Description { get; set; }

    public DateTimeOffset NoticedAt { get; set; }

    public string? AffectedSystem { get; set; }

    /// How to reach the reporter.
    public string? Contact { get; set; }

    public Guid? ReporterAccountId { get; set; }

    public int? ReporterPersonId { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public ReportStatus Status { get; set; }

    public string? TriageReason { get; set; }

    public Guid? TriagedById { get; set; }

    public DateTimeOffset? TriagedAt { get; set; }

    /// The incident's level (1–4) once confirmed, from its impacts (ImpactsJson).
    public int? Level { get; set; }

    public string? ImpactsJson { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }

    public DateTimeOffset? AwareAt { get; set; }

    /// An incident-response or social-engineering drill: never counted in the objective.
    public bool Drill { get; set; }

    /// When it was reported to the competent authority, and the reference it gave.
    public DateTimeOffset? ReportedExternallyAt { get; set; }

    public string? ExternalReference { get; set; }

    /// When damage control or recovery was completed.
    public DateTimeOffset? RecoveredAt { get; set; }

    /// When it was closed (the investigation and improvement report done).
    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }
}

public sealed class SecurityReportConfiguration : IEntityTypeConfiguration<SecurityReport>
{
    public void Configure(EntityTypeBuilder<SecurityReport> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(20);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Description).HasMaxLength(8000);
        builder.Property(r => r.AffectedSystem).HasMaxLength(200);
        builder.Property(r => r.Contact).HasMaxLength(200);
        builder.Property(r => r.TriageReason).HasMaxLength(2000);
        builder.Property(r => r.ImpactsJson).HasMaxLength(4000);
        builder.Property(r => r.ExternalReference).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.ReporterAccountId);
        builder.HasIndex(r => new { r.Status, r.OccurredAt, r.AwareAt });
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.ReporterPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
