namespace Isms.Web.Features.Incidents;

/// Runs the deadline alerts every minute (Isms:Incidents:AlertSeconds).
public sealed partial class IncidentDeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IncidentDeadlineJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Isms:Incidents:AlertSeconds", 60)));
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
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IncidentDeadlineAlerts>().RunAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The incident deadline alerts failed.")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
