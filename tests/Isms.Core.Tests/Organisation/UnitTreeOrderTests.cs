using Isms.Core.Organisation;

namespace Isms.Core.Tests.Organisation;

/// The order in which unit lists and unit pickers show the organisation.
public sealed class UnitTreeOrderTests
{
    [Fact]
    public void InTreeOrder_ParentsFirst_SiblingsByKey_WithDepth()
    {
        // 1 DG ─┬─ 3 "B" ── 4 "A"
        //       └─ 2 "C"
        var tree = new UnitTree(new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 1, [4] = 3 });
        var keys = new Dictionary<int, string> { [1] = "DG", [2] = "C", [3] = "B", [4] = "A" };

        Assert.Equal([(1, 0), (3, 1), (4, 2), (2, 1)], tree.InTreeOrder(id => keys[id]));
    }

    [Fact]
    public void InTreeOrder_BrokenChain_ListsEveryUnitOnce()
    {
        // 5 and 6 are each other's parent: no root reaches them; 7's parent does not exist (a root).
        var tree = new UnitTree(new Dictionary<int, int?> { [1] = null, [5] = 6, [6] = 5, [7] = 99 });

        var order = tree.InTreeOrder(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([(1, 0), (7, 0), (5, 0), (6, 0)], order);
    }
}
