namespace Isms.Core.Organisation;

/// <summary>
/// The nesting of organisational units (the Directorate General, its departments, each Customs
/// office and their sections), given as each unit's parent.
/// </summary>
public sealed class UnitTree
{
    private readonly IReadOnlyDictionary<int, int?> _parents;
    private readonly ILookup<int, int> _children;

    /// <summary>Creates the tree from unit id → parent id (null for a root).</summary>
    public UnitTree(IReadOnlyDictionary<int, int?> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        _parents = parents;
        _children = parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
    }

    /// <summary>
    /// True when making <paramref name="newParent"/> the parent of <paramref name="unit"/> would put
    /// the unit inside itself.
    /// </summary>
    public bool WouldCreateCycle(int unit, int? newParent)
    {
        var seen = new HashSet<int>();
        for (var current = newParent; current is { } id; current = _parents.GetValueOrDefault(id))
        {
            if (id == unit || !seen.Add(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The unit and every unit nested below it, at any depth.</summary>
    public IReadOnlySet<int> SelfAndDescendants(int unit)
    {
        var found = new HashSet<int> { unit };
        var pending = new Queue<int>([unit]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var child in _children[current])
            {
                if (found.Add(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return found;
    }

    /// <summary>The unit's ancestors from the root down to its parent.</summary>
    public IReadOnlyList<int> Ancestors(int unit)
    {
        var path = new List<int>();
        var seen = new HashSet<int> { unit };
        for (var current = _parents.GetValueOrDefault(unit); current is { } id && seen.Add(id); current = _parents.GetValueOrDefault(id))
        {
            path.Add(id);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// Every unit once with its depth, parents before their children and siblings ordered by
    /// <paramref name="sortKey"/>. Units cut off from every root (a broken parent chain) come last at
    /// depth 0, so a list built from this never hides a unit.
    /// </summary>
    public IReadOnlyList<(int Unit, int Depth)> InTreeOrder(Func<int, string> sortKey)
    {
        ArgumentNullException.ThrowIfNull(sortKey);
        var ordered = new List<(int, int)>(_parents.Count);
        var seen = new HashSet<int>();
        var pending = new Stack<(int Unit, int Depth)>();
        void PushSorted(IEnumerable<int> units, int depth)
        {
            // Reverse order onto the stack so the first in sort order comes off first.
            foreach (var unit in units.OrderByDescending(sortKey, StringComparer.Ordinal))
            {
                pending.Push((unit, depth));
            }
        }

        PushSorted(_parents.Where(p => p.Value is not { } parent || !_parents.ContainsKey(parent)).Select(p => p.Key), 0);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next.Unit))
            {
                ordered.Add(next);
                PushSorted(_children[next.Unit], next.Depth + 1);
            }
        }

        ordered.AddRange(_parents.Keys.Where(u => !seen.Contains(u)).OrderBy(sortKey, StringComparer.Ordinal).Select(u => (u, 0)));
        return ordered;
    }
}
