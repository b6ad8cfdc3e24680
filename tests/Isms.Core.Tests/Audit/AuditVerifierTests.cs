using Isms.Core.Audit;

namespace Isms.Core.Tests.Audit;

/// Verifying the chain: an intact log passes; every kind of tampering the issue names is found and
/// named by its first broken entry (issue 3: update, delete, insert, swap, truncate, restore).
public sealed class AuditVerifierTests
{
    private static readonly byte[] ChainKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] CheckpointKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Stored(AuditRecord Record, byte[] Hash);

    public static List<Stored> BuildLog(int count, int seed, byte[]? key = null)
    {
        var random = new Random(seed);
        using var chain = new AuditChain(key ?? ChainKey);
        var log = new List<Stored>(count);
        var previous = AuditChain.Genesis.ToArray();
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var record = new AuditRecord(sequence, Start.AddSeconds(sequence * 7 + random.Next(5)), "user" + random.Next(20), null,
                random.Next(3) switch { 0 => "person.create", 1 => "person.update", _ => "signin.success" },
                "Person", random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{{\"FullName\":[\"a{random.Next()}\",\"b\"]}}", "10.0.0." + random.Next(255), Guid.NewGuid().ToString("N"));
            var hash = chain.Link(previous, record);
            log.Add(new Stored(record, hash));
            previous = hash;
        }

        return log;
    }

    public static AuditVerification Verify(IEnumerable<Stored> log, params AuditCheckpoint[] checkpoints)
    {
        using var verifier = new AuditVerifier(ChainKey, checkpoints, CheckpointKey);
        foreach (var entry in log)
        {
            if (!verifier.Add(entry.Record, entry.Hash))
            {
                break;
            }
        }

        return verifier.Complete();
    }

    public static AuditCheckpoint CheckpointAt(List<Stored> log, int count) =>
        AuditCheckpoint.Sign(count, count == 0 ? AuditChain.Genesis : log[count - 1].Hash, Start.AddDays(1), CheckpointKey);

    [Fact]
    public void IntactLog_WithCheckpoints_IsIntact()
    {
        var log = BuildLog(500, seed: 1);

        var result = Verify(log, CheckpointAt(log, 100), CheckpointAt(log, 500));

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(500, result.Verified);
    }

    [Fact]
    public void EmptyLog_IsIntact() => Assert.True(Verify([]).IsIntact);

    [Fact]
    public void ChangedField_IsNamed()
    {
        var log = BuildLog(50, seed: 2);
        log[19] = log[19] with { Record = log[19].Record with { Changes = "{}" } };

        var result = Verify(log);

        Assert.Equal((19L, 20L), (result.Verified, result.BrokenAt));
    }

    [Fact]
    public void DeletedEntry_IsNamed()
    {
        var log = BuildLog(50, seed: 3);
        log.RemoveAt(30);

        Assert.Equal(31L, Verify(log).BrokenAt);
    }

    [Fact]
    public void SwappedContents_AreFound()
    {
        var log = BuildLog(50, seed: 4);
        (log[10], log[11]) = (log[11] with { Record = log[11].Record with { Sequence = 11 } }, log[10] with { Record = log[10].Record with { Sequence = 12 } });

        Assert.Equal(11L, Verify(log).BrokenAt);
    }

    [Fact]
    public void TruncatedTail_IsFoundByTheCheckpoint()
    {
        var log = BuildLog(50, seed: 5);
        var checkpoint = CheckpointAt(log, 50);

        var result = Verify(log.Take(45), checkpoint);

        Assert.False(result.IsIntact);
        Assert.Equal(45, result.Verified);
        Assert.Contains("older copy", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainRewrittenWithTheKey_IsFoundByTheCheckpoint()
    {
        // Someone with the chain key (but not the checkpoint key) rebuilds the whole log.
        var original = BuildLog(50, seed: 6);
        var rewritten = BuildLog(50, seed: 60);

        var result = Verify(rewritten, CheckpointAt(original, 40));

        Assert.Equal(40L, result.BrokenAt);
    }

    [Fact]
    public void ForgedCheckpoint_IsReported()
    {
        var log = BuildLog(10, seed: 7);
        var forged = AuditCheckpoint.Sign(10, log[9].Hash, Start, new byte[32]);

        var result = Verify(log, forged);

        Assert.False(result.IsIntact);
        Assert.Contains("invalid signature", result.Problem, StringComparison.Ordinal);
    }
}
