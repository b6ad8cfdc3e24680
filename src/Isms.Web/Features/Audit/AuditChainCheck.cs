using Isms.Core.Audit;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

public sealed record AuditCheckResult(AuditVerification Verification, int Checkpoints, string CheckpointPath, bool CheckpointFileFound);

/// `isms audit verify`: walks the whole chain in sequence order, one row at a time (never the whole
/// table in memory), against the signed checkpoints and the head row.
public sealed class AuditChainCheck(IsmsDbContext db, AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<AuditCheckResult> RunAsync(string? checkpointPath, CancellationToken cancellationToken)
    {
        var path = checkpointPath is null ? checkpoints.FilePath : Path.GetFullPath(checkpointPath);
        var (read, errors) = await AuditCheckpoints.ReadAsync(path, cancellationToken);
        // The head is read before the walk: entries appended meanwhile only add to what is walked.
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(cancellationToken);

        using var verifier = new AuditVerifier(keys.ChainKey, read, keys.CheckpointKey);
        var headHash = (byte[]?)null;
        var rows = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence)
            .Select(e => new
            {
                e.Sequence,
                e.At,
                e.ActorAccountId,
                e.ActorName,
                e.ActorPersonId,
                e.Action,
                e.EntityType,
                e.EntityId,
                e.Changes,
                e.ClientIp,
                e.RequestId,
                e.Hash,
            })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(cancellationToken))
        {
            var record = AuditEntry.ToRecord(e.Sequence, e.At, e.ActorAccountId, e.ActorName, e.ActorPersonId, e.Action, e.EntityType,
                e.EntityId, e.Changes, e.ClientIp, e.RequestId);
            if (!verifier.Add(record, e.Hash))
            {
                break;
            }

            if (e.Sequence == head.Sequence)
            {
                headHash = e.Hash;
            }
        }

        var result = verifier.Complete();
        if (result.IsIntact && errors.Count > 0)
        {
            result = result with { BrokenAt = null, Problem = string.Join(" ", errors) };
        }
        else if (result.IsIntact && head.Sequence > 0 && (headHash is null || !headHash.AsSpan().SequenceEqual(head.Hash)))
        {
            result = result with
            {
                BrokenAt = Math.Min(head.Sequence, result.Verified + 1),
                Problem = $"The head row names entry {head.Sequence}, but the chain {(headHash is null ? $"ends after {result.Verified} entries" : "has another hash there")}: entries were removed or replaced.",
            };
        }

        return new AuditCheckResult(result, read.Count, path, File.Exists(path));
    }
}
