using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Audit;

/// Writes a signed checkpoint when the server starts and then every Isms:Audit:CheckpointMinutes
/// (default 60) whenever the chain has grown since the last one.
public sealed partial class AuditCheckpointService(
    IServiceScopeFactory scopes, AuditKeys keys, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    private long _lastCount = -1;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Refuse to start without usable keys rather than serve an unverifiable trail.
        _ = keys.ChainKey.Length + keys.CheckpointKey.Length;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = Math.Max(1, options.Value.CheckpointMinutes);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            await WriteIfGrownAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task WriteIfGrownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
            var count = await db.Set<AuditHead>().Select(h => h.Sequence).SingleAsync(cancellationToken);
            if (count == 0 || count == _lastCount)
            {
                return;
            }

            var checkpoint = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(db, cancellationToken);
            _lastCount = checkpoint.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.CheckpointFailed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The audit checkpoint could not be written")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception);
    }
}
