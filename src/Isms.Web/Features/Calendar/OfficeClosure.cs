using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Calendar;

/// An office closure declared for one location (a city or county) on one date: the whole day, or
/// from a time on (a typhoon afternoon). A declaration for several locations is one row each,
/// sharing a declaration id, so each location's calendar reads only its own rows.
public sealed class OfficeClosure
{
    public int Id { get; private set; }

    public Guid DeclarationId { get; set; }

    public DateOnly Date { get; set; }

    /// Null for the whole day; otherwise the office closes at this local time.
    public TimeOnly? From { get; set; }

    /// The unit location the closure applies to, as written on the units (e.g. "Kaohsiung City").
    public required string Location { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset DeclaredAt { get; set; }

    public Guid? DeclaredById { get; set; }
}

public sealed class OfficeClosureConfiguration : IEntityTypeConfiguration<OfficeClosure>
{
    public void Configure(EntityTypeBuilder<OfficeClosure> builder)
    {
        builder.Property(c => c.Location).HasMaxLength(50);
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.HasIndex(c => new { c.Location, c.Date }).IsUnique();
        builder.HasIndex(c => c.DeclarationId);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(c => c.DeclaredById).OnDelete(DeleteBehavior.Restrict);
    }
}
