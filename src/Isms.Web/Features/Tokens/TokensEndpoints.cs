using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Tokens;

public static class TokensEndpoints
{
    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Policies.SignedIn);
        own.MapGet("/", ListOwn);
        own.MapPost("/", CreateOwn);
        own.MapDelete("/{id:guid}", RevokeOwn);

        // A token cannot mint tokens or token holders: a stolen one must not outlive its own expiry.
        var service = endpoints.MapGroup("/api/v1/service-accounts").WithTags("Tokens").RequireAuthorization(Policies.AccountsAdmin)
            .AddEndpointFilter(async (context, next) => context.HttpContext.User.HasClaim(c => c.Type == TokenAuthenticationHandler.TokenIdClaim)
                ? TypedResults.Problem("Service accounts and their tokens are managed in a signed-in session, not with a token.", statusCode: StatusCodes.Status403Forbidden)
                : await next(context));
        service.MapGet("/", ListServiceAccounts);
        service.MapPost("/", CreateServiceAccount);
        service.MapPost("/{id:guid}/tokens", CreateServiceToken);
        service.MapDelete("/{id:guid}/tokens/{tokenId:guid}", RevokeServiceToken);
        return endpoints;
    }

    private static async Task<Results<Ok<List<TokenResponse>>, UnauthorizedHttpResult>> ListOwn(HttpContext http, UserManager<Account> users, TokenWrites tokens, CancellationToken ct) =>
        users.GetUserId(http.User) is { } id ? TypedResults.Ok(await tokens.ListAsync(Guid.Parse(id), ct)) : TypedResults.Unauthorized();

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateOwn(TokenRequest request, HttpContext http, UserManager<Account> users, TokenWrites tokens, CancellationToken ct)
    {
        if (http.User.HasClaim(c => c.Type == TokenAuthenticationHandler.TokenIdClaim) || users.GetUserId(http.User) is not { } id)
        {
            return TypedResults.Problem("Tokens are made in a signed-in session, not with another token.", statusCode: StatusCodes.Status403Forbidden);
        }

        var created = await tokens.CreateAsync(Guid.Parse(id), request, ct);
        return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult>> RevokeOwn(Guid id, HttpContext http, UserManager<Account> users, TokenWrites tokens, CancellationToken ct)
    {
        if (users.GetUserId(http.User) is not { } accountId)
        {
            return TypedResults.Unauthorized();
        }

        await tokens.RevokeAsync(Guid.Parse(accountId), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<ServiceAccountResponse>>> ListServiceAccounts(TokenWrites tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListServiceAccountsAsync(ct));

    private static async Task<Created<ServiceAccountResponse>> CreateServiceAccount(ServiceAccountRequest request, TokenWrites tokens, CancellationToken ct)
    {
        var account = await tokens.CreateServiceAccountAsync(request, ct);
        var created = await tokens.DescribeAsync(account, ct);
        return TypedResults.Created($"/api/v1/service-accounts/{account.Id}", created);
    }

    private static async Task<Created<CreatedToken>> CreateServiceToken(Guid id, TokenRequest request, TokenWrites tokens, CancellationToken ct)
    {
        var account = await tokens.FindServiceAccountAsync(id, ct);
        var created = await tokens.CreateAsync(account.Id, request, ct);
        return TypedResults.Created($"/api/v1/service-accounts/{id}/tokens/{created.Token.Id}", created);
    }

    private static async Task<NoContent> RevokeServiceToken(Guid id, Guid tokenId, TokenWrites tokens, CancellationToken ct)
    {
        var account = await tokens.FindServiceAccountAsync(id, ct);
        await tokens.RevokeAsync(account.Id, tokenId, ct);
        return TypedResults.NoContent();
    }
}
