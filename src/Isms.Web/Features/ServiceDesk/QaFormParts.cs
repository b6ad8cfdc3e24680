using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.ServiceDesk;

/// A comment on a form. Internal comments are for the desk only; public ones the requester reads.
public sealed class QaComment
{
    public int Id { get; private set; }

    public int FormId { get; set; }

    public Guid? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Body { get; set; }

    public bool Internal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// A time the clock stood still because the form waited for the requester (only when the form's
/// settings stop the clock then).
public sealed class QaPause
{
    public int Id { get; private set; }

    public int FormId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}

/// A file attached to a form, kept in the database with its SHA-256 so that a copy can be checked.
public sealed class QaAttachment
{
    public int Id { get; private set; }

    public int FormId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public Guid? UploadedById { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class QaPartsConfiguration : IEntityTypeConfiguration<QaComment>, IEntityTypeConfiguration<QaPause>, IEntityTypeConfiguration<QaAttachment>
{
    public void Configure(EntityTypeBuilder<QaComment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Body).HasMaxLength(4000);
        builder.HasIndex(c => c.FormId);
        builder.HasOne<QaForm>().WithMany().HasForeignKey(c => c.FormId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QaPause> builder)
    {
        builder.HasIndex(p => p.FormId);
        builder.HasOne<QaForm>().WithMany().HasForeignKey(p => p.FormId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QaAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.FormId);
        builder.HasOne<QaForm>().WithMany().HasForeignKey(a => a.FormId).OnDelete(DeleteBehavior.Restrict);
    }
}
