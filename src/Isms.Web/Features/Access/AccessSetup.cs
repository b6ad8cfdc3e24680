using Isms.Core.Access;

namespace Isms.Web.Features.Access;

public static class AccessSetup
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var levels = configuration.GetSection("Isms:Classification:Levels").Get<string[]>();
        services.AddSingleton(new ClassificationScale(levels is { Length: > 0 } ? levels : ClassificationScale.DefaultLevels));
        services.AddScoped<Classifications>();
        services.AddScoped<Caller>();
        services.AddScoped<AccessWrites>();
        return services;
    }
}
