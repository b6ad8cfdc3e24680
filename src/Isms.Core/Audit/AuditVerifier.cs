using System.Security.Cryptography;

namespace Isms.Core.Audit;

/// <summary>The outcome of walking the audit chain.</summary>
/// <param name="Verified">Entries found intact before the first problem (all of them when intact).</param>
/// <param name="BrokenAt">The sequence number of the first entry that fails, or null.</param>
/// <param name="Problem">What is wrong, for the operator; null when intact.</param>
public sealed record AuditVerification(long Verified, long? BrokenAt, string? Problem)
{
    /// <summary>True when every entry and every checkpoint agree.</summary>
    public bool IsIntact => Problem is null;
}

/// <summary>
/// Walks the chain one entry at a time, in sequence order, so a million entries need no more
/// memory than one: each entry must carry the next sequence number, hash to its stored hash from
/// its predecessor, and match every checkpoint taken at its position. At the end a checkpoint
/// beyond the last entry means the tail was cut off or the database is an older copy.
/// </summary>
public sealed class AuditVerifier : IDisposable
{
    private readonly AuditChain _chain;
    private readonly Dictionary<long, AuditCheckpoint> _checkpoints = [];
    private readonly byte[] _previous = new byte[AuditChain.HashSize];
    private readonly byte[] _computed = new byte[AuditChain.HashSize];
    private long _count;
    private AuditVerification? _failure;

    /// <summary>Creates a verifier for the chain key and the checkpoints, whose signatures it checks first.</summary>
    public AuditVerifier(ReadOnlySpan<byte> chainKey, IEnumerable<AuditCheckpoint> checkpoints, ReadOnlySpan<byte> checkpointKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        _chain = new AuditChain(chainKey);
        foreach (var checkpoint in checkpoints)
        {
            if (!checkpoint.HasValidSignature(checkpointKey))
            {
                _failure ??= new AuditVerification(0, null, $"The checkpoint of {checkpoint.At:u} for {checkpoint.Count} entries has an invalid signature.");
                continue;
            }

            // Two valid checkpoints for one position must agree; keep the first and compare the rest.
            if (_checkpoints.TryGetValue(checkpoint.Count, out var earlier) && !earlier.Head.AsSpan().SequenceEqual(checkpoint.Head))
            {
                _failure ??= new AuditVerification(0, null, $"Two checkpoints for {checkpoint.Count} entries disagree.");
            }

            _checkpoints.TryAdd(checkpoint.Count, checkpoint);
        }
    }

    /// <summary>Checks the next entry; false once the chain is broken (later entries are not read).</summary>
    public bool Add(AuditRecord record, ReadOnlySpan<byte> storedHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_failure is not null)
        {
            return false;
        }

        var expected = _count + 1;
        if (record.Sequence != expected)
        {
            return Fail(expected, record.Sequence < expected
                ? $"Entry {record.Sequence} appears again or out of order after entry {_count}."
                : $"Entries {expected} to {record.Sequence - 1} are missing.");
        }

        _chain.Link(_previous, record, _computed);
        if (storedHash.Length != AuditChain.HashSize || !CryptographicOperations.FixedTimeEquals(_computed, storedHash))
        {
            return Fail(expected, $"Entry {expected} was changed: its content does not hash to its stored hash.");
        }

        _computed.CopyTo(_previous, 0);
        _count = expected;
        if (_checkpoints.TryGetValue(_count, out var checkpoint) && !checkpoint.Head.AsSpan().SequenceEqual(_previous))
        {
            return Fail(expected, $"The chain up to entry {_count} differs from the checkpoint of {checkpoint.At:u}: it was rewritten.");
        }

        return true;
    }

    /// <summary>The verdict after the last entry.</summary>
    public AuditVerification Complete()
    {
        if (_failure is not null)
        {
            return _failure with { Verified = Math.Min(_failure.Verified, _count) };
        }

        var beyond = _checkpoints.Values.Where(c => c.Count > _count).OrderBy(c => c.Count).FirstOrDefault();
        return beyond is null
            ? new AuditVerification(_count, null, null)
            : new AuditVerification(_count, _count + 1,
                $"The chain ends after {_count} entries, but the checkpoint of {beyond.At:u} saw {beyond.Count}: entries were removed from the end, or the database was restored from an older copy.");
    }

    /// <inheritdoc />
    public void Dispose() => _chain.Dispose();

    private bool Fail(long sequence, string problem)
    {
        _failure = new AuditVerification(_count, sequence, problem);
        return false;
    }
}
