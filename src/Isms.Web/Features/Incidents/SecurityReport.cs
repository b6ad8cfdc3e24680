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

    /// <summary>A weakness or suggestion taken up: a corrective action follows it.</summary>
    Actioned,
}

public enum DrillKind
{
    /// <summary>An incident-response exercise.</summary>
    IncidentResponse,

    /// <summary>A social-engineering test such as a phishing mail.</summary>
    SocialEngineering,
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

    /// The unit the report concerns (the reporter's unit unless the handling unit says otherwise):
    /// its managers read the report and approve a major incident's closure.
    public int? UnitId { get; set; }

    /// Reported through an e-mailed single-use link by a person without an account.
    public bool ThroughLink { get; set; }

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

    public DrillKind? DrillKind { get; set; }

    /// A drill's own results: how many took part, how many failed it (opened the mail, missed a
    /// step), how many reported it, and what was learnt.
    public int? DrillParticipants { get; set; }

    public int? DrillFailures { get; set; }

    public int? DrillReported { get; set; }

    public string? DrillResults { get; set; }

    /// The availability outage an availability incident is about.
    public int? OutageId { get; set; }

    /// When it was reported to the competent authority, and the reference it gave.
    public DateTimeOffset? ReportedExternallyAt { get; set; }

    public string? ExternalReference { get; set; }

    /// When damage control or recovery was completed.
    public DateTimeOffset? RecoveredAt { get; set; }

    /// When it was closed (the investigation and improvement report done).
    public DateTimeOffset? ClosedAt { get; set; }

    /// A major incident's closure waits for a manager: who asked, when, and who approved.
    public DateTimeOffset? ClosureRequestedAt { get; set; }

    public Guid? ClosureRequestedById { get; set; }

    public Guid? ClosureApprovedById { get; set; }

    public string? ClosureNote { get; set; }

    // The investigation and improvement report, with the fields the incident regulation asks for.
    public string? ScopeAndDamage { get; set; }

    public string? HandlingCourse { get; set; }

    public string? RootCause { get; set; }

    public string? PreventiveManagement { get; set; }

    public string? PreventiveTechnology { get; set; }

    public string? PreventiveStaffing { get; set; }

    public string? PreventiveResources { get; set; }

    public DateOnly? PlannedCompletion { get; set; }

    public string? FollowUp { get; set; }

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
        builder.Property(r => r.DrillKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.DrillResults).HasMaxLength(4000);
        builder.Property(r => r.ClosureNote).HasMaxLength(2000);
        foreach (var text in new[] { nameof(SecurityReport.ScopeAndDamage), nameof(SecurityReport.HandlingCourse), nameof(SecurityReport.RootCause), nameof(SecurityReport.PreventiveManagement), nameof(SecurityReport.PreventiveTechnology), nameof(SecurityReport.PreventiveStaffing), nameof(SecurityReport.PreventiveResources), nameof(SecurityReport.FollowUp) })
        {
            builder.Property(text).HasMaxLength(8000);
        }

        builder.HasIndex(r => r.UnitId);
        builder.HasOne<Organisation.Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Availability.Outage>().WithMany().HasForeignKey(r => r.OutageId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.ReporterAccountId);
        builder.HasIndex(r => new { r.Status, r.OccurredAt, r.AwareAt });
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.ReporterPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
