using Isms.Web.Features.Accounts;
using Isms.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Access;

/// Limits one of an account's roles to a unit and its sub-units: the Manager of the Keelung Customs
/// office reads Keelung's records, not Taichung's. A role without any scope row has its default
/// reach (see Caller).
public sealed class RoleScope
{
    public int Id { get; private set; }

    public Guid AccountId { get; set; }

    public Account? Account { get; private set; }

    public required string Role { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; private set; }
}

public sealed class RoleScopeConfiguration : IEntityTypeConfiguration<RoleScope>
{
    public void Configure(EntityTypeBuilder<RoleScope> builder)
    {
        builder.Property(s => s.Role).HasMaxLength(50);
        builder.HasIndex(s => new { s.AccountId, s.Role, s.UnitId }).IsUnique();
        builder.HasOne(s => s.Account).WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
