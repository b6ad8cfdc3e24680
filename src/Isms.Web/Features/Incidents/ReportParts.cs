using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Incidents;

/// One entry of an incident's timeline: what was done or learnt, and when.
public sealed class ReportTimelineEntry
{
    public int Id { get; private set; }

    public int ReportId { get; set; }

    /// When it happened (may be earlier than when it was written down).
    public DateTimeOffset At { get; set; }

    public required string Text { get; set; }

    public Guid? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset WrittenAt { get; set; }
}

public enum ReportTaskKind
{
    /// <summary>A step of an incident's handling.</summary>
    Task,

    /// <summary>The fix a weakness or suggestion led to.</summary>
    CorrectiveAction,
}

/// A task of an incident's handling, or the corrective action a weakness led to, with its owner
/// and due date.
public sealed class ReportTask
{
    public int Id { get; private set; }

    public int ReportId { get; set; }

    public ReportTaskKind Kind { get; set; }

    public required string Title { get; set; }

    public int OwnerPersonId { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

/// A file sent with a report by its reporter, or evidence the handling unit kept; stored with its
/// SHA-256 so that a copy can be checked.
public sealed class ReportFile
{
    public int Id { get; private set; }

    public int ReportId { get; set; }

    /// Evidence the handling unit added, as opposed to what the reporter sent.
    public bool Evidence { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public Guid? UploadedById { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class ReportPartsConfiguration : IEntityTypeConfiguration<ReportTimelineEntry>, IEntityTypeConfiguration<ReportTask>, IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportTimelineEntry> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.AuthorName).HasMaxLength(200);
        builder.HasIndex(e => new { e.ReportId, e.At });
        builder.HasOne<SecurityReport>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReportTask> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.ReportId);
        builder.HasIndex(t => new { t.OwnerPersonId, t.DoneAt });
        builder.HasOne<SecurityReport>().WithMany().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(t => t.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReportFile> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.ReportId);
        builder.HasOne<SecurityReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
