using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.AuditRead);
        read.MapGet("/", List);
        read.MapGet("/{sequence:long}", Get);
        read.MapGet("/export.csv", Export);
        return endpoints;
    }

    private static async Task<Ok<Page<AuditEntryResponse>>> List([AsParameters] AuditQuery query, IsmsDbContext db, AgencyTime agency, AuditRedaction redaction, CancellationToken ct)
    {
        var page = await query.SearchAsync(db, agency, ct);
        var shown = await redaction.ForCallerAsync(ct);
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(shown)] });
    }

    private static async Task<Results<Ok<AuditEntryResponse>, NotFound>> Get(long sequence, IsmsDbContext db, AuditRedaction redaction, CancellationToken ct) =>
        await AuditQuery.FindAsync(db, sequence, ct) is { } entry
            ? TypedResults.Ok((await redaction.ForCallerAsync(ct))(entry))
            : TypedResults.NotFound();

    /// Every entry the filters select, not only one page; the export itself is recorded first.
    private static async Task Export([AsParameters] AuditQuery query, IsmsDbContext db, AgencyTime agency, AuditLog audit, AuditRedaction redaction, Today today, HttpContext http, CancellationToken ct)
    {
        var shown = await redaction.ForCallerAsync(ct);
        await audit.RecordAsync(AuditActions.Export, nameof(AuditEntry), null, new { query = http.Request.QueryString.Value });
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{today.Date:yyyyMMdd}.csv\"";
        await AuditCsv.WriteAsync(http.Response.Body, query.Filter(db, agency).Select(AuditEntryResponse.Projection).AsAsyncEnumerable().Select(shown), agency, ct);
    }
}
