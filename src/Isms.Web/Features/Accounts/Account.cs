using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Accounts;

/// A sign-in account. A person in scope may be linked to one (Person.AccountId); many persons,
/// such as vendor staff, have none.
public sealed class Account : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// Set for a bootstrap or reset password: the holder must choose their own before anything else.
    public bool MustChangePassword { get; set; }

    /// "en" or "zh-TW"; null follows the browser.
    public string? PreferredCulture { get; set; }

    public bool ShowRocYears { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// An account for automation (monitoring, ticket import, scripts): it has no password, so it
    /// can never sign in interactively, and works only through access tokens.
    public bool IsServiceAccount { get; set; }
}

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.PreferredCulture).HasMaxLength(10);
    }
}
