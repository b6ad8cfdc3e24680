using Isms.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Organisation;

/// The responsibilities that policy VI assigns: top management of a department or office, a
/// department head, and membership of the Information and Communication Security Handling Unit.
public enum ResponsibilityKind
{
    TopManagement,
    DepartmentHead,
    HandlingUnit,
}

/// Who holds a responsibility for which unit, and since when. Ending one keeps the record, so the
/// history of who was responsible stays auditable.
public sealed class Responsibility
{
    public int Id { get; private set; }

    public int PersonId { get; set; }

    public Person? Person { get; private set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; private set; }

    public ResponsibilityKind Kind { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed class ResponsibilityConfiguration : IEntityTypeConfiguration<Responsibility>
{
    public void Configure(EntityTypeBuilder<Responsibility> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.UnitId, r.Kind });
    }
}
