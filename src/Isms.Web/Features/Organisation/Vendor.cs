using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Organisation;

public enum VendorKind
{
    ContractSigned,
    Outsourced,
}

/// A contract-signed or outsourced vendor (policy V); its staff are persons of kind VendorStaff.
public sealed class Vendor
{
    public int Id { get; private set; }

    public required string Name { get; set; }

    public VendorKind Kind { get; set; }

    public string? ContractNumber { get; set; }

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

public sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(150);
        builder.HasIndex(v => v.Name).IsUnique();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ContractNumber).HasMaxLength(50);
        builder.Property(v => v.ContactName).HasMaxLength(100);
        builder.Property(v => v.ContactEmail).HasMaxLength(254);
        builder.Property(v => v.ContactPhone).HasMaxLength(30);
        builder.Property(v => v.Version).IsConcurrencyToken();
    }
}
