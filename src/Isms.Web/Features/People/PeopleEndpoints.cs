using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Audit;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.People;

public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1/persons").WithTags("People").RequireAuthorization(Policies.PeopleRead);
        read.MapGet("/", List);
        read.MapGet("/{id:int}", Get);
        read.MapGet("/export.csv", Export);

        var write = endpoints.MapGroup("/api/v1/persons").WithTags("People").RequireAuthorization(Policies.PeopleWrite);
        write.MapPost("/", Create);
        write.MapPut("/{id:int}", Update);
        write.MapPost("/{id:int}/deactivate", Deactivate);
        write.MapPost("/{id:int}/reactivate", Reactivate);
        write.MapPost("/import", Import).Accepts<string>("text/csv").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(PeopleSetup.MaxImportBytes));
        return endpoints;
    }

    private static async Task<Ok<Page<PersonResponse>>> List([AsParameters] PersonQuery query, IsmsDbContext db, Caller caller, Today today, CancellationToken ct) =>
        TypedResults.Ok(await PersonReads.SearchAsync(db, await caller.VisiblePeopleAsync(db, ct), query, today.Date, ct));

    private static async Task<Results<Ok<PersonResponse>, NotFound>> Get(int id, IsmsDbContext db, Caller caller, Today today, CancellationToken ct) =>
        await PersonReads.FindAsync(await caller.VisiblePeopleAsync(db, ct), id, today.Date, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    private static async Task<Created<PersonResponse>> Create(PersonInput input, PersonWrites writes, Today today, CancellationToken ct)
    {
        var saved = await writes.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/persons/{saved.Person.Id}", saved.Response(today.Date));
    }

    private static async Task<Ok<PersonResponse>> Update(int id, PersonInput input, PersonWrites writes, Today today, CancellationToken ct) =>
        TypedResults.Ok((await writes.UpdateAsync(id, input, ct)).Response(today.Date));

    private static async Task<Ok<PersonResponse>> Deactivate(int id, PersonWrites writes, IsmsDbContext db, Caller caller, Today today, CancellationToken ct)
    {
        await writes.DeactivateAsync(id, ct);
        return TypedResults.Ok((await PersonReads.FindAsync(await caller.VisiblePeopleAsync(db, ct), id, today.Date, ct))!);
    }

    private static async Task<Ok<PersonResponse>> Reactivate(int id, PersonWrites writes, IsmsDbContext db, Caller caller, Today today, CancellationToken ct)
    {
        await writes.ReactivateAsync(id, ct);
        return TypedResults.Ok((await PersonReads.FindAsync(await caller.VisiblePeopleAsync(db, ct), id, today.Date, ct))!);
    }

    /// Every person the filters select, not only one page.
    private static async Task Export([AsParameters] PersonQuery query, IsmsDbContext db, Caller caller, Today today, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Export, nameof(Person), null, new { query = http.Request.QueryString.Value });
        var filtered = await query.FilterAsync(db, await caller.VisiblePeopleAsync(db, ct), today.Date, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"persons-{today.Date:yyyyMMdd}.csv\"";
        await PersonCsv.WriteAsync(http.Response.Body, query.Order(filtered).Project(today.Date).AsAsyncEnumerable(), ct);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(HttpRequest request, PersonCsv csv, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files is { Count: > 0 } files ? files[0] : null : null;
        await using var body = file?.OpenReadStream() ?? request.Body;
        var result = await csv.ImportAsync(body, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(result);
        }

        return TypedResults.Problem(
            title: $"Nothing was imported: {result.Errors.Select(e => e.Line).Distinct().Count()} row(s) are invalid.",
            statusCode: StatusCodes.Status400BadRequest,
            type: Platform.Errors.ProblemSetup.TypeBase + "invalid-import",
            extensions: new Dictionary<string, object?> { ["rows"] = result.Errors });
    }
}
