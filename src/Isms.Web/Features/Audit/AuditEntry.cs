using Isms.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.Audit;

/// One link of the audit trail (issue 3, section 6). Its sequence number is its position in the
/// chain; <see cref="Hash"/> covers <see cref="PreviousHash"/> and every other column.
public sealed class AuditEntry
{
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid? ActorAccountId { get; init; }

    /// The user name the actor signed in with, or "system" for the CLI and background jobs.
    public string? ActorName { get; init; }

    public int? ActorPersonId { get; init; }

    public required string Action { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// JSON: for entity changes { "Field": { "old": …, "new": … } }, for events their details.
    public string? Changes { get; init; }

    public string? ClientIp { get; init; }

    public string? RequestId { get; init; }

    public required byte[] PreviousHash { get; init; }

    public required byte[] Hash { get; init; }

    /// Every column, in the order of <see cref="Values"/>: for the set-based append.
    public static readonly string[] Columns =
    [
        nameof(Sequence), nameof(At), nameof(ActorAccountId), nameof(ActorName), nameof(ActorPersonId), nameof(Action), nameof(EntityType),
        nameof(EntityId), nameof(Changes), nameof(ClientIp), nameof(RequestId), nameof(PreviousHash), nameof(Hash),
    ];

    public object?[] Values() =>
        [Sequence, At, ActorAccountId, ActorName, ActorPersonId, Action, EntityType, EntityId, Changes, ClientIp, RequestId, PreviousHash, Hash];

    public AuditRecord ToRecord() => ToRecord(Sequence, At, ActorAccountId, ActorName, ActorPersonId, Action, EntityType, EntityId, Changes, ClientIp, RequestId);

    public static AuditRecord ToRecord(long sequence, DateTimeOffset at, Guid? accountId, string? actorName, int? personId, string action,
        string? entityType, string? entityId, string? changes, string? clientIp, string? requestId) =>
        new(sequence, at, actorName, personId?.ToString(System.Globalization.CultureInfo.InvariantCulture), action, entityType, entityId,
            changes, clientIp, requestId, accountId?.ToString("D"));
}

/// The single row that names the end of the chain. Every writer locks it inside the transaction of
/// its change, so two nodes can never both append entry n+1.
public sealed class AuditHead
{
    public const int SingleId = 1;

    public int Id { get; init; } = SingleId;

    public long Sequence { get; set; }

    public required byte[] Hash { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.ClientIp).HasMaxLength(64);
        builder.Property(e => e.RequestId).HasMaxLength(128);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditChain.HashSize);
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashSize);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorName);
        builder.HasIndex(e => e.Action);
    }
}

public sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Sequence).IsConcurrencyToken();
        builder.Property(h => h.Hash).HasMaxLength(AuditChain.HashSize);
        builder.HasData(new AuditHead { Id = AuditHead.SingleId, Sequence = 0, Hash = new byte[AuditChain.HashSize] });
    }
}
