using System.Security.Claims;

namespace Isms.Web.Features.Audit;

/// Who acts, from where: the signed-in account of the current request, or the system itself (the
/// CLI and background jobs have no request).
public sealed record AuditActor(Guid? AccountId, string? Name, int? PersonId, string? ClientIp, string? RequestId)
{
    public const string SystemName = "system";

    public static AuditActor System { get; } = new(null, SystemName, null, null, null);
}

public sealed class AuditActors(IHttpContextAccessor http)
{
    private const string CacheKey = "isms.audit.actor";

    /// The actor when nothing is left to look up (no request, or looked up already), or else the
    /// signed-in account whose person is still to be found: the audit head's read asks for it in
    /// the same round trip (AuditTrail), so a write does not pay a query of its own for it.
    public (AuditActor? Known, Guid? AccountId) Pending()
    {
        if (http.HttpContext is not { } context)
        {
            return (AuditActor.System, null);
        }

        if (context.Items[CacheKey] is AuditActor cached)
        {
            return (cached, null);
        }

        return AccountIdOf(context.User) is { } accountId ? (null, accountId) : (Remember(context, null, null), null);
    }

    /// The actor once the person of <see cref="Pending"/>'s account is known.
    public AuditActor Found(Guid accountId, int? personId) => Remember(http.HttpContext!, accountId, personId);

    /// The actor with a person not yet confirmed: not remembered, so the next save asks again.
    public AuditActor Guess(Guid accountId, int? personId) => Create(http.HttpContext!, accountId, personId);

    private static Guid? AccountIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    private static AuditActor Remember(HttpContext context, Guid? accountId, int? personId)
    {
        var actor = Create(context, accountId, personId);
        context.Items[CacheKey] = actor;
        return actor;
    }

    private static AuditActor Create(HttpContext context, Guid? accountId, int? personId) => new(
        accountId,
        accountId is null ? null : context.User.Identity?.Name,
        personId,
        context.Connection.RemoteIpAddress?.ToString(),
        context.TraceIdentifier);
}
