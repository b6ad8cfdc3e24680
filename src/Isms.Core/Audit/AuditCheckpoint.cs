using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Isms.Core.Audit;

/// <summary>
/// A signed statement, kept outside the database, that the chain had <see cref="Count"/> entries
/// ending in <see cref="Head"/> at <see cref="At"/>. A chain rewritten whole, cut short or restored
/// from an older backup no longer matches its checkpoints.
/// </summary>
public sealed record AuditCheckpoint(long Count, byte[] Head, DateTimeOffset At, byte[] Signature)
{
    /// <summary>Signs a checkpoint with the checkpoint key (not the chain key).</summary>
    public static AuditCheckpoint Sign(long count, ReadOnlySpan<byte> head, DateTimeOffset at, ReadOnlySpan<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var headCopy = head.ToArray();
        return new AuditCheckpoint(count, headCopy, at, Compute(count, headCopy, at, key));
    }

    /// <summary>True when the signature is the key's over this checkpoint's count, head and time.</summary>
    public bool HasValidSignature(ReadOnlySpan<byte> key) =>
        Head is { Length: AuditChain.HashSize } && Signature is { Length: AuditChain.HashSize }
        && CryptographicOperations.FixedTimeEquals(Compute(Count, Head, At, key), Signature);

    private static byte[] Compute(long count, ReadOnlySpan<byte> head, DateTimeOffset at, ReadOnlySpan<byte> key)
    {
        Span<byte> message = stackalloc byte[16 + AuditChain.HashSize];
        BinaryPrimitives.WriteInt64BigEndian(message, count);
        BinaryPrimitives.WriteInt64BigEndian(message[8..], at.UtcTicks);
        head.CopyTo(message[16..]);
        return HMACSHA256.HashData(key, message);
    }
}
