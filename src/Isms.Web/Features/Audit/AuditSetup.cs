namespace Isms.Web.Features.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddScoped<AuditActors>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditedUpdates>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditRedaction>();
        services.AddScoped<AuditChainCheck>();
        services.AddHostedService<AuditCheckpointService>();
        // Outermost, so that it sees the status code the client finally gets.
        services.AddTransient<IStartupFilter, SecurityEventsStartup>();
        return services;
    }

    private sealed class SecurityEventsStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<SecurityEvents>();
            next(app);
        };
    }
}
