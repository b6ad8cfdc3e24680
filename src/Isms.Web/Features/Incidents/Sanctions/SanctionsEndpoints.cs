using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Isms.Web.Features.Incidents.Sanctions;

/// No DELETE: a wrong record is corrected by an update, and the audit trail keeps the old values.
public static class SanctionsEndpoints
{
    public const string Path = "/api/v1/incidents/sanctions";

    public static IEndpointRouteBuilder MapSanctions(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup(Path).WithTags("Incidents").RequireAuthorization(Policies.SanctionsRead);
        read.MapGet("/", List);
        read.MapGet("/{id:int}", Get);

        var write = endpoints.MapGroup(Path).WithTags("Incidents").RequireAuthorization(Policies.SanctionsWrite);
        write.MapPost("/", Create);
        write.MapPut("/{id:int}", Update);
        return endpoints;
    }

    private static async Task<Ok<Page<SanctionResponse>>> List([AsParameters] SanctionQuery query, SanctionRecords records, CancellationToken ct) =>
        TypedResults.Ok(await records.ListAsync(query, ct));

    private static async Task<Results<Ok<SanctionResponse>, NotFound>> Get(int id, SanctionRecords records, CancellationToken ct) =>
        await records.FindAsync(id, ct) is { } sanction ? TypedResults.Ok(sanction) : TypedResults.NotFound();

    private static async Task<Created<SanctionResponse>> Create(SanctionInput input, SanctionRecords records, CancellationToken ct)
    {
        var id = await records.SaveAsync(null, input, ct);
        return TypedResults.Created($"{Path}/{id}", (await records.FindAsync(id, ct))!);
    }

    private static async Task<Ok<SanctionResponse>> Update(int id, SanctionInput input, SanctionRecords records, CancellationToken ct)
    {
        await records.SaveAsync(id, input, ct);
        return TypedResults.Ok((await records.FindAsync(id, ct))!);
    }
}
