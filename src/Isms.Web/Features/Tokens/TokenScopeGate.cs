using Isms.Web.Features.Audit;

namespace Isms.Web.Features.Tokens;

/// A read-scoped token may only read: any other method answers 403, whatever the account's roles.
/// Tokens are for the API: a page asked for with a token answers 401. Every use of a token is
/// recorded in the audit trail, with the account as the actor.
public static class TokenScopeGate
{
    public static IApplicationBuilder UseTokenScopeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var scope = context.User.FindFirst(TokenAuthenticationHandler.TokenScopeClaim)?.Value;
        if (scope is not null)
        {
            var tokenId = context.User.FindFirst(TokenAuthenticationHandler.TokenIdClaim)!.Value;
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditActions.TokenUsed, nameof(AccessToken), tokenId,
                new { method = context.Request.Method, path = context.Request.Path.Value });
            var lastUsed = long.TryParse(context.User.FindFirst(TokenAuthenticationHandler.TokenLastUsedClaim)?.Value, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
            await context.RequestServices.GetRequiredService<TokenWrites>().TouchAsync(Guid.Parse(tokenId), lastUsed, context.RequestAborted);

            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            if (scope == nameof(TokenScope.Read) && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Type = Platform.Errors.ProblemSetup.TypeBase + "token-scope",
                    Title = "This token may only read. Make a token with the write scope for changes.",
                    Status = StatusCodes.Status403Forbidden,
                }, options: null, contentType: "application/problem+json");
                return;
            }
        }

        await next(context);
    });
}
