using Isms.Web.Features.Audit;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Isms.Web.Features.Documents;

public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1/documents").WithTags("Documents").RequireAuthorization(Policies.RecordsRead);
        read.MapGet("/", List);
        read.MapGet("/{id:int}", Get);
        read.MapGet("/export.csv", Export);

        var write = endpoints.MapGroup("/api/v1/documents").WithTags("Documents").RequireAuthorization(Policies.DocumentsWrite);
        write.MapPost("/", Create);
        write.MapPut("/{id:int}", Update);
        return endpoints;
    }

    private static async Task<Ok<Page<DocumentResponse>>> List([AsParameters] DocumentQuery query, DocumentReads reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.SearchAsync(query, ct));

    // A document above the caller's clearance or outside their scope answers exactly like one that does not exist.
    private static async Task<Results<Ok<DocumentResponse>, NotFound>> Get(int id, DocumentReads reads, CancellationToken ct) =>
        await reads.FindAsync(id, ct) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound();

    private static async Task<Created<DocumentResponse>> Create(DocumentInput input, DocumentWrites writes, DocumentReads reads, CancellationToken ct)
    {
        var document = await writes.SaveAsync(null, input, ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", (await reads.FindAsync(document.Id, ct))!);
    }

    private static async Task<Ok<DocumentResponse>> Update(int id, DocumentInput input, DocumentWrites writes, DocumentReads reads, CancellationToken ct)
    {
        await writes.SaveAsync(id, input, ct);
        return TypedResults.Ok((await reads.FindAsync(id, ct))!);
    }

    private static async Task Export([AsParameters] DocumentQuery query, DocumentReads reads, Today today, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Export, nameof(Document), null, new { query = http.Request.QueryString.Value });
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"documents-{today.Date:yyyyMMdd}.csv\"";
        await DocumentCsv.WriteAsync(http.Response.Body, reads.ExportAsync(query, ct), ct);
    }
}
