using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<SignInFlow>();
        services.AddScoped<NewAccounts>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<MfaPolicy>();
        services.AddScoped<AccountActions>();
        services.AddScoped<Authenticator>();
        services.AddIsmsRateLimits();
        // The cookie that carries a half-done sign-in (password right, code pending) is as strict as the session's.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "isms.second-factor";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // In place of Identity's authenticator provider (registered by AddDefaultTokenProviders).
        services.AddTransient<OneUseAuthenticatorCodes>();
        services.Configure<IdentityOptions>(options => options.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] =
            new TokenProviderDescriptor(typeof(OneUseAuthenticatorCodes)));
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuth();
        endpoints.MapAccountAdminApi();
        return endpoints;
    }
}
