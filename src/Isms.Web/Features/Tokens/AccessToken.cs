using Isms.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Tokens;

public enum TokenScope
{
    /// GET and HEAD only.
    Read,

    /// Everything the account's roles allow.
    Write,
}

/// A personal access token or a service account's token. Only the SHA-256 of the secret is kept:
/// the secret is shown once, when the token is made.
public sealed class AccessToken
{
    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AccountId { get; set; }

    public Account? Account { get; private set; }

    public required string Name { get; set; }

    public TokenScope Scope { get; set; }

    /// Hex SHA-256 of the whole token text.
    public required string Hash { get; set; }

    /// The first characters of the token, so a holder can tell their tokens apart.
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

public sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasOne(t => t.Account).WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
