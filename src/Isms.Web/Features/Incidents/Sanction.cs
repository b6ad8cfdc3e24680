using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Incidents;

public enum SanctionKind
{
    Reward,
    Punishment,
}

/// A reward or a punishment (policy VIII.A): for a person whose suggestion improved security, or
/// who broke the policy; linked, where there is one, to the report it came from. Only the security
/// handling unit, the person's unit managers and auditors see these.
public sealed class Sanction
{
    public int Id { get; private set; }

    public int PersonId { get; set; }

    /// The person's unit when it was recorded: whose managers see it.
    public int UnitId { get; set; }

    public SanctionKind Kind { get; set; }

    public required string Decision { get; set; }

    public DateOnly DecidedOn { get; set; }

    /// Who decided it (a name, a committee), as the decision says.
    public required string DecidedBy { get; set; }

    public int? ReportId { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }
}

public sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Decision).HasMaxLength(4000);
        builder.Property(s => s.DecidedBy).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.PersonId);
        builder.HasIndex(s => s.UnitId);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation.Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SecurityReport>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
