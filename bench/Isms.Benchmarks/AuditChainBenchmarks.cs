using BenchmarkDotNet.Attributes;
using Isms.Core.Audit;

namespace Isms.Benchmarks;

/// The CPU part of `isms audit verify`: linking and checking entries in memory, without the
/// database read. Issue 3 asks for 1,000,000 entries verified in under 5 s end to end.
[MemoryDiagnoser]
public class AuditChainBenchmarks : IDisposable
{
    private const int Entries = 100_000;
    private readonly byte[] _chainKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly byte[] _checkpointKey = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();
    private AuditRecord[] _records = [];
    private byte[][] _hashes = [];
    private AuditChain _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _chain = new AuditChain(_chainKey);
        _records = new AuditRecord[Entries];
        _hashes = new byte[Entries][];
        var previous = AuditChain.Genesis.ToArray();
        for (var i = 0; i < Entries; i++)
        {
            _records[i] = new AuditRecord(i + 1, start.AddSeconds(i), "officer01", "陳志明", "person.update", "Person", (i % 997).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "{\"JobFunction\":[\"Clerk\",\"Customs officer\"],\"Version\":[3,4]}", "10.20.30.40", "0HNQAK0T29GRJ:00000001");
            _hashes[i] = previous = _chain.Link(previous, _records[i]);
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _chain.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "Link one entry")]
    public byte[] LinkOne() => _chain.Link(_hashes[0], _records[1]);

    [Benchmark(Description = "Verify 100,000 entries (in memory)", OperationsPerInvoke = Entries)]
    public bool Verify100K()
    {
        using var verifier = new AuditVerifier(_chainKey, [AuditCheckpoint.Sign(Entries, _hashes[^1], DateTimeOffset.UnixEpoch, _checkpointKey)], _checkpointKey);
        for (var i = 0; i < Entries; i++)
        {
            verifier.Add(_records[i], _hashes[i]);
        }

        return verifier.Complete().IsIntact;
    }
}
