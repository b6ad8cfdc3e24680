using Isms.Web.Features.Availability.Probing;
using Isms.Web.Platform.Jobs;

namespace Isms.Web.Features.Availability;

/// Once a minute (Isms:Availability:JobSeconds): the alert mails, then the roll-ups and the raw
/// retention. Safe on several nodes: mails are unique by reason, roll-ups are rewritten whole.
public sealed class AvailabilityJobs(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<AvailabilityJobs> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Isms:Availability:JobSeconds", 60)));

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AvailabilityAlerts>().RunAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProbeRollups>().RunAsync(cancellationToken);
        }
    }
}
