namespace Isms.Web.Platform.Jobs;

/// A background job that runs once at start and then every <see cref="Every"/>; a failed run is
/// logged and the next one comes on time. Tests call <see cref="RunOnceAsync"/> themselves.
public abstract partial class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Every { get; }

    public abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, e, GetType().Name);
            }

            await Task.Delay(Every, Clock, stoppingToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The background job {Job} failed.")]
        public static partial void Failed(ILogger logger, Exception exception, string job);
    }
}
