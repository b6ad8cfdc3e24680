using Isms.Web.Features.Availability.Probing;

namespace Isms.Web.Features.Availability;

/// Once a minute (Isms:Availability:JobSeconds): the alert mails, then the roll-ups and the raw
/// retention. Safe on several nodes: mails are unique by reason, roll-ups are rewritten whole.
public sealed partial class AvailabilityJobs(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<AvailabilityJobs> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Isms:Availability:JobSeconds", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, e);
            }

            await Task.Delay(every, clock, stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
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

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The availability job failed.")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
