using FsCheck.Xunit;
using Isms.Core.Organisation;

namespace Isms.Core.Tests.Organisation;

public sealed class UnitTreeTests
{
    // DG (1) ─┬─ IM (2) ─┬─ IM-Dev (4) ── IM-Dev-Web (6)
    //         │          └─ IM-Ops (5)
    //         └─ KLC (3) ─── KLC-Ops (7)
    // Other root: a second agency (10) with one section (11).
    private static UnitTree Tree { get; } = new(new Dictionary<int, int?>
    {
        [1] = null,
        [2] = 1,
        [3] = 1,
        [4] = 2,
        [5] = 2,
        [6] = 4,
        [7] = 3,
        [10] = null,
        [11] = 10,
    });

    [Theory]
    [InlineData(2, 2, true)] // a unit as its own parent
    [InlineData(1, 6, true)] // the root below its great-grandchild: a deep cycle
    [InlineData(2, 4, true)] // below its own child
    [InlineData(6, 1, false)] // a leaf moved up under the root: valid
    [InlineData(4, 3, false)] // a subtree moved to a sibling branch: valid
    [InlineData(3, 11, false)] // moved into another tree: valid
    [InlineData(4, null, false)] // made a root: never a cycle
    [InlineData(99, 6, false)] // a new unit (not yet in the tree) placed anywhere: valid
    public void WouldCreateCycle_Move_DetectsPlacingAUnitInsideItself(int unit, int? newParent, bool expected) =>
        Assert.Equal(expected, Tree.WouldCreateCycle(unit, newParent));

    [Fact]
    public void WouldCreateCycle_TreeAlreadyCorrupt_ReportsCycleAndTerminates()
    {
        var corrupt = new UnitTree(new Dictionary<int, int?> { [1] = 2, [2] = 1, [3] = null });

        Assert.True(corrupt.WouldCreateCycle(3, 1));
    }

    [Theory]
    [InlineData(1, new[] { 1, 2, 3, 4, 5, 6, 7 })] // the root: the whole first tree, not the second
    [InlineData(2, new[] { 2, 4, 5, 6 })] // a middle unit: its children and grandchild
    [InlineData(6, new[] { 6 })] // a leaf: only itself
    [InlineData(10, new[] { 10, 11 })] // the second root
    [InlineData(42, new[] { 42 })] // unknown: only itself
    public void SelfAndDescendants_ThreeLevelTree_IsTheSubtree(int unit, int[] expected) =>
        Assert.Equal(expected.Order(), Tree.SelfAndDescendants(unit).Order());

    [Theory]
    [InlineData(6, new[] { 1, 2, 4 })] // from the root down to the parent
    [InlineData(1, new int[0])] // a root has none
    public void Ancestors_Unit_FromRootToParent(int unit, int[] expected) =>
        Assert.Equal(expected, Tree.Ancestors(unit));

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool SelfAndDescendants_RandomForest_NeverContainsAnAncestor(Forest forest)
    {
        var tree = new UnitTree(forest.Parents);
        return forest.Parents.Keys.All(unit =>
        {
            var below = tree.SelfAndDescendants(unit);
            return below.Contains(unit)
                && below.Where(d => d != unit).All(d => !tree.SelfAndDescendants(d).Contains(unit))
                && tree.Ancestors(unit).All(a => !below.Contains(a));
        });
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool WouldCreateCycle_RandomForest_TrueExactlyForDescendants(Forest forest)
    {
        var tree = new UnitTree(forest.Parents);
        return forest.Parents.Keys.All(unit =>
        {
            var below = tree.SelfAndDescendants(unit);
            return forest.Parents.Keys.All(candidate => tree.WouldCreateCycle(unit, candidate) == below.Contains(candidate));
        });
    }
}
