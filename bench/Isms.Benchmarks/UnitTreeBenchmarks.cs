using BenchmarkDotNet.Attributes;
using Isms.Core.Organisation;

namespace Isms.Benchmarks;

/// The unit tree as the unit filter of the person list and every unit edit use it: a 5,000-unit
/// organisation, a few levels deep and wide, as a large agency with its offices and sections.
[MemoryDiagnoser]
public class UnitTreeBenchmarks
{
    private Dictionary<int, int?> _parents = [];
    private UnitTree _tree = null!;
    private int _middle;
    private int _deepest;

    [GlobalSetup]
    public void Setup()
    {
        // Every unit hangs below an earlier one (a fixed seed keeps runs comparable), so there is no cycle.
        const int unitCount = 5_000;
        var random = new Random(5000);
        var parents = new Dictionary<int, int?> { [0] = null };
        var depth = new int[unitCount];
        for (var unit = 1; unit < unitCount; unit++)
        {
            // Any earlier unit may be the parent, the root included, so all 5,000 hang below unit 0.
            var parent = random.Next(unit / 6, unit);
            parents[unit] = parent;
            depth[unit] = depth[parent] + 1;
        }

        _parents = parents;
        _tree = new UnitTree(parents);
        _deepest = Array.IndexOf(depth, depth.Max());
        _middle = _tree.Ancestors(_deepest).Skip(2).First();
    }

    [Benchmark(Description = "SelfAndDescendants(root): the whole organisation")]
    public int SelfAndDescendantsOfRoot() => _tree.SelfAndDescendants(0).Count;

    [Benchmark(Description = "SelfAndDescendants(unit two levels down)")]
    public int SelfAndDescendantsOfMiddle() => _tree.SelfAndDescendants(_middle).Count;

    [Benchmark(Description = "WouldCreateCycle(root under its deepest descendant)")]
    public bool WouldCreateCycleDeep() => _tree.WouldCreateCycle(0, _deepest);

    [Benchmark(Description = "WouldCreateCycle(deepest unit under the root): valid move")]
    public bool WouldCreateCycleValidMove() => _tree.WouldCreateCycle(_deepest, 0);

    [Benchmark(Description = "new UnitTree(5,000 parents)")]
    public UnitTree Build() => new(_parents);
}
