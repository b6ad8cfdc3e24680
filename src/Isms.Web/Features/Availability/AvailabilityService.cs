using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Availability;

/// A service of the Cargo Clearance Automation System whose availability the policy (IV.C.1.a)
/// measures: made of monitors, with its own yearly target.
public sealed class AvailabilityService
{
    public int Id { get; private set; }

    public required string Name { get; set; }

    public string? NameZh { get; set; }

    public string? Description { get; set; }

    /// The availability target as a fraction (0.99 for the policy's 99 %).
    public decimal Target { get; set; } = 0.99m;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

public sealed class AvailabilityServiceConfiguration : IEntityTypeConfiguration<AvailabilityService>
{
    public void Configure(EntityTypeBuilder<AvailabilityService> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.NameZh).HasMaxLength(100);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Target).HasPrecision(7, 6);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
