using Isms.Core.Access;
using Isms.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Documents;

public enum DocumentKind
{
    Policy,
    Procedure,
    Guideline,
    Form,
    Record,
    Other,
}

/// A document of the management system (policy, procedure, form, kept record) in the register.
/// Its classification and audience decide who may see that it exists at all.
public sealed class Document : IScopedRecord
{
    public int Id { get; private set; }

    /// The agency's document number, e.g. "ISMS-P-001".
    public required string Reference { get; set; }

    public required string Title { get; set; }

    public DocumentKind Kind { get; set; }

    public string? Summary { get; set; }

    /// The edition as the agency writes it ("1.2", "2026-01").
    public string? Edition { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public bool IsWithdrawn { get; set; }

    public int OwnerUnitId { get; set; }

    public Unit? OwnerUnit { get; private set; }

    public int Classification { get; set; }

    public RecordAudience Audience { get; set; }

    public Guid? CreatedById { get; set; }

    public int? VendorId { get; set; }

    /// Lower-case reference, title and summary: one column that searches alike on both databases.
    public string SearchText { get; private set; } = "";

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Assign(DocumentInput input)
    {
        Reference = input.Reference.Trim();
        Title = input.Title.Trim();
        Kind = input.Kind;
        Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        Edition = string.IsNullOrWhiteSpace(input.Edition) ? null : input.Edition.Trim();
        EffectiveOn = input.EffectiveOn;
        NextReviewOn = input.NextReviewOn;
        IsWithdrawn = input.IsWithdrawn;
        OwnerUnitId = input.OwnerUnitId;
        Classification = input.Classification;
        Audience = input.Audience;
        VendorId = input.VendorId;
        SearchText = string.Join('\n', Reference, Title, Summary).ToLowerInvariant();
    }
}

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Reference).HasMaxLength(30);
        builder.HasIndex(d => d.Reference).IsUnique();
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Summary).HasMaxLength(2000);
        builder.Property(d => d.Edition).HasMaxLength(20);
        builder.Property(d => d.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.SearchText).HasMaxLength(2300);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.OwnerUnitId, d.Classification });
        builder.HasOne(d => d.OwnerUnit).WithMany().HasForeignKey(d => d.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vendor>().WithMany().HasForeignKey(d => d.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
