using Isms.Web.Features.Audit;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Audit;

/// Reading the trail straight from the database, as an investigator would.
public static class AuditStore
{
    public static Task<List<AuditEntry>> EntriesAsync(this IsmsApp app, string entityType, string entityId) =>
        app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<List<AuditEntry>> EntriesAsync(this IsmsApp app, string action) =>
        app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<long> HeadAsync(this IsmsApp app) =>
        app.QueryAsync(db => db.Set<AuditHead>().AsNoTracking().Select(h => h.Sequence).SingleAsync());

    public static Task<long> CountAsync(this IsmsApp app) => app.QueryAsync(db => db.Set<AuditEntry>().LongCountAsync());

    /// The same walk as `isms audit verify`, in process.
    public static async Task<AuditCheckResult> VerifyAsync(this IsmsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainCheck>().RunAsync(app.AuditCheckpointPath, CancellationToken.None);
    }
}
