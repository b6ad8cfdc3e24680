using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Isms.Web.Features.Access;

public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/classifications", Levels).WithTags("Access").RequireAuthorization(Policies.RecordsRead);

        var accounts = endpoints.MapGroup("/api/v1/accounts/{id:guid}/roles").WithTags("Access").RequireAuthorization(Policies.AccountsAdmin);
        accounts.MapGet("/", GetRoles);
        accounts.MapPut("/", SetRoles);

        endpoints.MapPut("/api/v1/persons/{id:int}/clearance", SetClearance).WithTags("Access").RequireAuthorization(Policies.ClearanceWrite);
        return endpoints;
    }

    private static Ok<ClassificationLevel[]> Levels(Classifications classifications) =>
        TypedResults.Ok(classifications.Scale.Levels.Select((name, rank) => new ClassificationLevel(rank, name, classifications.Label(rank))).ToArray());

    private static async Task<Ok<AccountRolesResponse>> GetRoles(Guid id, AccessWrites access, CancellationToken ct) =>
        TypedResults.Ok(await access.ReadRolesAsync(id, ct));

    private static async Task<Ok<AccountRolesResponse>> SetRoles(Guid id, AccountRolesRequest request, AccessWrites access, CancellationToken ct) =>
        TypedResults.Ok(await access.SetRolesAsync(id, request.Roles, ct));

    private static async Task<Ok<ClearanceResponse>> SetClearance(int id, ClearanceRequest request, AccessWrites access, CancellationToken ct) =>
        TypedResults.Ok(await access.SetClearanceAsync(id, request, ct));
}
