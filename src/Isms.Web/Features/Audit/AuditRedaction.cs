using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Documents;

namespace Isms.Web.Features.Audit;

/// Need-to-know holds in the audit trail too: the changed fields of a classified record (a
/// document's title, say) are shown only to a reader who may see that record; everyone else sees
/// that the entry exists, who made it and when, but not what it said. The entry itself is never
/// altered: this applies to what is shown and exported.
public sealed class AuditRedaction(IsmsDbContext db, Caller caller)
{
    public const string Redacted = """{"redacted":"above your clearance or outside your units"}""";

    /// The record types under need-to-know, and the ids of those the caller may see. A new
    /// classified record type adds its line here.
    private async Task<Dictionary<string, HashSet<string>>> VisibleIdsAsync(CancellationToken cancellationToken) => new()
    {
        [AuditCapture.NameOf(typeof(Document))] = (await caller.VisibleAsync(db.Set<Document>(), cancellationToken))
            .Select(d => d.Id.ToString()).ToHashSet(),
        [AuditCapture.NameOf(typeof(Features.ServiceDesk.QaForm))] = (await caller.VisibleAsync(db.Set<Features.ServiceDesk.QaForm>(), cancellationToken))
            .Select(f => f.Id.ToString()).ToHashSet(),
    };

    /// A function that hides what the caller may not read; load it once per list or export.
    public async Task<Func<AuditEntryResponse, AuditEntryResponse>> ForCallerAsync(CancellationToken cancellationToken)
    {
        var visible = await VisibleIdsAsync(cancellationToken);
        return entry => entry is { EntityType: { } type, EntityId: { } id, Changes: not null }
            && visible.TryGetValue(type, out var ids) && !ids.Contains(id)
            ? entry with { Changes = Redacted }
            : entry;
    }
}
