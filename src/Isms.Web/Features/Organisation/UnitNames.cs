using System.Collections.Concurrent;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation;

/// A unit's code and name as an answer shows them beside its id, kept in memory so that a person's
/// create answers without asking the database again (one round trip of four on every audited
/// create; docs/benchmarks.md). A unit saved through this process is forgotten at once; one changed
/// elsewhere (another node, SQL) shows after at most <see cref="Lifetime"/>.
public sealed class UnitNames(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private long _forgotten;

    /// The unit's code and name, or null when there is no such unit.
    public async Task<(string Code, string Name)?> FindAsync(IsmsDbContext db, int unitId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(unitId, out var kept) && clock.GetUtcNow() - kept.ReadAt < Lifetime)
        {
            return (kept.Code, kept.Name);
        }

        var forgotten = Interlocked.Read(ref _forgotten);
        var readAt = clock.GetUtcNow();
        var unit = await db.Set<Unit>().Where(u => u.Id == unitId).Select(u => new { u.Code, u.Name }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        // A save that finished while this read ran may have come after it: then what was read is
        // not kept, or a stale name would outlive the save by a whole lifetime.
        if (Interlocked.Read(ref _forgotten) == forgotten)
        {
            _entries[unitId] = new Entry(unit.Code, unit.Name, readAt);
        }

        return (unit.Code, unit.Name);
    }

    /// Called after a unit's change is committed.
    public void Forget(int unitId)
    {
        Interlocked.Increment(ref _forgotten);
        _entries.TryRemove(unitId, out _);
    }

    private sealed record Entry(string Code, string Name, DateTimeOffset ReadAt);
}
