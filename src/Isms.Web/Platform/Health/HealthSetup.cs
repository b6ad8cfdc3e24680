using Isms.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Isms.Web.Platform.Health;

public static class HealthSetup
{
    public static IServiceCollection AddIsmsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapIsmsHealth(this IEndpointRouteBuilder endpoints)
    {
        // Live says the process answers; ready says it can reach its database too.
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return endpoints;
    }
}

public sealed class DatabaseHealthCheck(IsmsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
