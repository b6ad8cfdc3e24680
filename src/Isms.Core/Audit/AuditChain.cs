using System.Buffers;
using System.Security.Cryptography;

namespace Isms.Core.Audit;

/// <summary>
/// The keyed hash chain of the audit trail: each entry's hash is HMAC-SHA256, under a key kept
/// outside the database, of the previous entry's hash followed by the entry's canonical content.
/// Without the key nobody can rewrite the chain consistently, even with full database access.
/// Not thread-safe: one instance per writer or verifier.
/// </summary>
public sealed class AuditChain : IDisposable
{
    /// <summary>The length of every hash in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumKeySize = 32;

    private readonly IncrementalHash _hmac;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>Creates the chain for one key of at least <see cref="MinimumKeySize"/> bytes.</summary>
    public AuditChain(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeySize)
        {
            throw new ArgumentException($"The audit key must have at least {MinimumKeySize} bytes.", nameof(key));
        }

        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    /// <summary>The "previous hash" of the first entry.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[HashSize];

    /// <summary>The hash of <paramref name="record"/> following an entry whose hash is <paramref name="previous"/>.</summary>
    public byte[] Link(ReadOnlySpan<byte> previous, AuditRecord record)
    {
        var hash = new byte[HashSize];
        Link(previous, record, hash);
        return hash;
    }

    /// <summary>Writes the hash into <paramref name="destination"/> without allocating.</summary>
    public void Link(ReadOnlySpan<byte> previous, AuditRecord record, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (previous.Length != HashSize)
        {
            throw new ArgumentException($"A previous hash has {HashSize} bytes.", nameof(previous));
        }

        _buffer.ResetWrittenCount();
        record.WriteCanonical(_buffer);
        _hmac.AppendData(previous);
        _hmac.AppendData(_buffer.WrittenSpan);
        _hmac.GetHashAndReset(destination);
    }

    /// <inheritdoc />
    public void Dispose() => _hmac.Dispose();
}
