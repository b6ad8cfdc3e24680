using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Organisation;

public enum UnitKind
{
    Directorate,
    Department,
    Office,
    Customs,
    Section,
}

/// A unit of the organisation (policy V): the Directorate General, its departments and offices,
/// each Customs office, and the sections inside them.
public sealed class Unit
{
    public int Id { get; private set; }

    /// A short stable code used in imports and exports, e.g. `DG-IM` or `KLC`.
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? NameZh { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; private set; }

    /// City or county of the unit's office: a declared closure (typhoon day) applies per location.
    public string? Location { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public string DisplayName(bool chinese) => chinese && !string.IsNullOrEmpty(NameZh) ? NameZh : Name;
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Code).HasMaxLength(20);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(150);
        builder.Property(u => u.NameZh).HasMaxLength(150);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Location).HasMaxLength(50);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
