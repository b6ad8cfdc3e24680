using System.Text.Json;
using Isms.Web.Data;

namespace Isms.Web.Features.Audit;

/// The one way to record an event that is not an entity change (STYLE 13): sign-in outcomes,
/// exports and downloads, token use, security events. Each event is its own transaction in a
/// context of its own, so it is written whatever the caller's context holds.
public sealed class AuditLog(IServiceScopeFactory scopes, IHttpContextAccessor http)
{
    private const string DataLeftMarker = "isms.audit.data-left";

    public async Task RecordAsync(string action, string? entityType, string? entityId, object? details = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var changes = details is null ? null : JsonSerializer.Serialize(details, AuditCapture.Json);
        db.QueueAuditEvent(new AuditEvent(action, entityType, entityId, changes));
        // Recorded even when the caller gave up: the attempt is what matters.
        await db.SaveChangesAsync(CancellationToken.None);
        if (action is AuditActions.Export or AuditActions.Download && http.HttpContext is { } context)
        {
            context.Items[DataLeftMarker] = true;
        }
    }

    /// True when the current request already recorded its export, so it is not recorded twice.
    public static bool DataLeftRecorded(HttpContext context) => context.Items.ContainsKey(DataLeftMarker);
}
