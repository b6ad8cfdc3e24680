using System.Security.Claims;
using System.Text.Encodings.Web;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Tokens;

/// Signs in an API request that carries "Authorization: Bearer isms_…". The token must be
/// unrevoked and unexpired and its account not locked or disabled. The principal carries the
/// account's roles like a browser session, plus the token's id and scope.
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IsmsDbContext db,
    IUserClaimsPrincipalFactory<Account> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string TokenIdClaim = "isms:token_id";
    public const string TokenScopeClaim = "isms:token_scope";
    public const string TokenLastUsedClaim = "isms:token_last_used";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } text)
        {
            return AuthenticateResult.NoResult();
        }

        if (!TokenSecret.LooksLikeToken(text))
        {
            return AuthenticateResult.Fail("Not an ISMS access token.");
        }

        var hash = TokenSecret.HashOf(text);
        var token = await db.Set<AccessToken>().AsNoTracking().Include(t => t.Account).SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token?.Account is not { } account || !token.IsUsableAt(now))
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        if (account.LockoutEnd is { } lockedUntil && lockedUntil > now)
        {
            return AuthenticateResult.Fail("The token's account is locked or disabled.");
        }

        var principal = await principals.CreateAsync(account);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        identity.AddClaim(new Claim(TokenScopeClaim, token.Scope.ToString()));
        identity.AddClaim(new Claim(TokenLastUsedClaim, token.LastUsedAt?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
