using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Availability.Probing;

/// Runs every monitor this node holds on its own schedule: each starts at a random point of its
/// first interval (jitter) and then keeps its phase; a probe that is still running when its next
/// turn comes is not started twice. Probes run concurrently up to MaxConcurrency, each bounded by
/// its monitor's timeout, so a hanging target only ever holds its own slot.
public sealed partial class ProbeEngine(
    IServiceScopeFactory scopes, IProbeClient probes, TimeProvider clock, IOptions<ProbeEngineOptions> configured, ILogger<ProbeEngine> logger)
    : BackgroundService
{
    private readonly ProbeEngineOptions _options = configured.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Scheduled> _held = [];
    private readonly PriorityQueue<Scheduled, DateTimeOffset> _due = new();
    private DateTimeOffset _leaseValidUntil;

    public string NodeId { get; } = configured.Value.NodeId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// The monitors this node holds now (for the status page and tests).
    public IReadOnlyCollection<int> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _held.Keys];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var writer = new ProbeWriter(scopes, clock, _options, logger);
        var writing = writer.RunAsync(stoppingToken);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var refreshEvery = _options.LeaseLength / 3;
        var nextRefresh = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                if (now >= nextRefresh)
                {
                    await RefreshAsync(writer, now, stoppingToken);
                    nextRefresh = now + refreshEvery;
                }

                await DispatchAsync(writer, slots, stoppingToken);
                var wait = NextWake(nextRefresh) - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            writer.Complete();
            await writing;
            await ReleaseAsync();
        }
    }

    private async Task RefreshAsync(ProbeWriter writer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<HeldMonitor> held;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            held = await new ProbeLeases(scope.ServiceProvider.GetRequiredService<Data.IsmsDbContext>())
                .RefreshAsync(NodeId, now, _options.LeaseLength, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The leases run out on their own; until then this node carries on with what it holds.
            Log.RefreshFailed(logger, e);
            return;
        }

        _leaseValidUntil = now + _options.LeaseLength - TimeSpan.FromSeconds(2);
        var ids = held.Select(h => h.Spec.MonitorId).ToHashSet();
        List<int> dropped;
        lock (_lock)
        {
            dropped = _held.Keys.Where(id => !ids.Contains(id)).ToList();
            foreach (var id in dropped)
            {
                _held[id].Dropped = true;
                _held.Remove(id);
            }
        }

        foreach (var id in dropped)
        {
            await writer.SendAsync(new LetGo(id), cancellationToken);
        }

        foreach (var monitor in held)
        {
            Scheduled? added = null;
            lock (_lock)
            {
                if (_held.TryGetValue(monitor.Spec.MonitorId, out var known))
                {
                    if (known.Spec.Version == monitor.Spec.Version)
                    {
                        continue;
                    }

                    known.Spec = monitor.Spec;
                }
                else
                {
                    added = new Scheduled(monitor.Spec);
                    _held[monitor.Spec.MonitorId] = added;
                }
            }

            await writer.SendAsync(new TakeOver(monitor.Spec, monitor.State), cancellationToken);
            if (added is not null)
            {
                Schedule(added, FirstTurn(monitor, now));
            }
        }
    }

    // A monitor another node probed waits a whole interval after its last probe, so that no two
    // nodes probe it within one interval; a new one starts at a random point of its first interval.
    private static DateTimeOffset FirstTurn(HeldMonitor monitor, DateTimeOffset now)
    {
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * monitor.Spec.Interval.TotalMilliseconds);
        if (!monitor.HadOwner)
        {
            return now + jitter;
        }

        var last = monitor.State.LastSampleAt ?? now;
        return (last > now ? last : now) + monitor.Spec.Interval;
    }

    private async Task DispatchAsync(ProbeWriter writer, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        while (true)
        {
            Scheduled? next;
            DateTimeOffset at;
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                if (!_due.TryPeek(out next, out at) || at > now)
                {
                    return;
                }

                _due.Dequeue();
            }

            if (next.Dropped)
            {
                continue;
            }

            if (clock.GetUtcNow() >= _leaseValidUntil)
            {
                // The lease may be gone: another node could be probing this monitor now.
                Schedule(next, at + next.Spec.Interval);
                continue;
            }

            await slots.WaitAsync(cancellationToken);
            _ = RunAsync(next, at, writer, slots, cancellationToken);
        }
    }

    private async Task RunAsync(Scheduled monitor, DateTimeOffset turn, ProbeWriter writer, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var spec = monitor.Spec;
            var outcome = spec.Kind == MonitorKind.Push
                ? await HeartbeatAsync(spec, cancellationToken)
                : await probes.ProbeAsync(spec, clock.GetUtcNow(), cancellationToken);
            if (!monitor.Dropped)
            {
                await writer.SendAsync(new Probed(outcome), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ProbeFailed(logger, e, monitor.Spec.MonitorId);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            slots.Release();
        }

        // The next turn keeps the phase; after a stall it comes one interval from now instead.
        var next = turn + monitor.Spec.Interval;
        var now = clock.GetUtcNow();
        Schedule(monitor, next > now ? next : now + monitor.Spec.Interval);
    }

    /// A heartbeat monitor succeeds when its service called in within the last interval (plus its
    /// timeout as grace), and fails when it did not.
    private async Task<ProbeOutcome> HeartbeatAsync(ProbeSpec spec, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var last = await new ProbeLeases(scope.ServiceProvider.GetRequiredService<Data.IsmsDbContext>()).LastBeatAsync(spec.MonitorId, cancellationToken);
        var now = clock.GetUtcNow();
        var late = last is not { } beat || now - beat > spec.Interval + spec.Timeout;
        return late
            ? new ProbeOutcome(spec.MonitorId, now, false, 0, null, last is null ? "no heartbeat yet" : $"no heartbeat since {last:O}")
            : new ProbeOutcome(spec.MonitorId, now, true, 0, null, null);
    }

    private void Schedule(Scheduled monitor, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!monitor.Dropped)
            {
                _due.Enqueue(monitor, at);
            }
        }
    }

    private DateTimeOffset NextWake(DateTimeOffset nextRefresh)
    {
        lock (_lock)
        {
            var cap = clock.GetUtcNow() + TimeSpan.FromMilliseconds(250);
            var wake = _due.TryPeek(out _, out var at) && at < nextRefresh ? at : nextRefresh;
            return wake < cap ? wake : cap;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await new ProbeLeases(scope.ServiceProvider.GetRequiredService<Data.IsmsDbContext>()).ReleaseAllAsync(NodeId, CancellationToken.None);
        }
        catch (Exception e)
        {
            Log.ReleaseFailed(logger, e);
        }
    }

    private sealed class Scheduled(ProbeSpec spec)
    {
        public ProbeSpec Spec { get; set; } = spec;

        public volatile bool Dropped;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The probe engine could not renew its leases.")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Probing monitor {MonitorId} failed.")]
        public static partial void ProbeFailed(ILogger logger, Exception exception, int monitorId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The probe engine could not hand back its leases; they run out on their own.")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception);
    }
}
