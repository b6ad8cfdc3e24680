namespace Isms.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<SignInFlow>();
        services.AddScoped<AccountAdmin>();
        return services;
    }
}
