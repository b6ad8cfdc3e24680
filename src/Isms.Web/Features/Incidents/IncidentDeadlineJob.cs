using Isms.Web.Platform.Jobs;

namespace Isms.Web.Features.Incidents;

/// Runs the deadline alerts every minute (Isms:Incidents:AlertSeconds).
public sealed class IncidentDeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IncidentDeadlineJob> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Isms:Incidents:AlertSeconds", 60)));

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IncidentDeadlineAlerts>().RunAsync(cancellationToken);
    }
}
