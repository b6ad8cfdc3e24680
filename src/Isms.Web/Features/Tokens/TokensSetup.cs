using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Tokens;

public static class TokensSetup
{
    /// The scheme that picks the token handler for a request with a bearer token and the
    /// browser session cookie otherwise.
    public const string SelectingScheme = "isms";

    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddScoped<TokenWrites>();
        services.AddAuthentication(options =>
            {
                options.DefaultAuthenticateScheme = SelectingScheme;
                options.DefaultChallengeScheme = SelectingScheme;
                options.DefaultForbidScheme = SelectingScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SelectingScheme, null, options => options.ForwardDefaultSelector = context =>
                TokenAuthenticationHandler.BearerToken(context.Request) is not null
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        return services;
    }
}
