using System.Threading.Channels;
using Isms.Core.Availability;

namespace Isms.Web.Features.Availability.Probing;

/// Follows each held monitor's probes in order: finds gaps in its data, opens an outage at the
/// first of N consecutive failures and closes it at the next success, and writes everything of
/// about a second in one transaction (ProbeBatchWrite), never one per probe.
internal sealed partial class ProbeWriter(IServiceScopeFactory scopes, TimeProvider clock, ProbeEngineOptions options, ILogger logger)
{
    private readonly Channel<ProbeMessage> _queue = Channel.CreateBounded<ProbeMessage>(
        new BoundedChannelOptions(options.QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Dictionary<int, MonitorTrack> _tracks = [];

    public ValueTask SendAsync(ProbeMessage message, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(message, cancellationToken);

    public void Complete() => _queue.Writer.TryComplete();

    /// Runs until the queue is completed and drained; a failed write is tried again, not dropped.
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(options.FlushInterval, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: write what has come in.
                }
            }

            var batch = new ProbeBatch();
            while (batch.Results.Count < options.MaxBatch && reader.TryRead(out var message))
            {
                Apply(message, batch);
            }

            await WriteAsync(batch, cancellationToken);
        }
    }

    private void Apply(ProbeMessage message, ProbeBatch batch)
    {
        switch (message)
        {
            case TakeOver takeOver:
                TakeOver(takeOver);
                break;
            case LetGo letGo:
                _tracks.Remove(letGo.MonitorId);
                break;
            case Probed probed when _tracks.TryGetValue(probed.MonitorId, out var track):
                Record(track, probed.Outcome, batch);
                break;
        }
    }

    private void TakeOver(TakeOver message)
    {
        var state = message.State;
        var rule = new MonitorRule(message.Spec.StaleAfter, message.Spec.FailuresToOpen);
        var tracker = OutageTracker.Restore(rule, state.ConsecutiveFailures, state.FirstFailureAt, state.OpenOutageId is not null, state.LastSampleAt);
        if (_tracks.TryGetValue(message.MonitorId, out var known))
        {
            // Held already: the monitor's settings may have changed.
            known.Spec = message.Spec;
            known.Tracker = OutageTracker.Restore(rule, known.State.ConsecutiveFailures, known.State.FirstFailureAt, known.Open is not null, known.State.LastSampleAt);
            return;
        }

        _tracks[message.MonitorId] = new MonitorTrack(message.Spec, tracker, state)
        {
            Open = state.OpenOutageId is { } id ? new OpenedOutage(id, message.MonitorId, message.Spec.ServiceId, state.FirstFailureAt ?? default, null) : null,
        };
    }

    private static void Record(MonitorTrack track, ProbeOutcome outcome, ProbeBatch batch)
    {
        // Whole seconds: the figures are exact to the second (issue 5).
        var at = new DateTimeOffset(outcome.At.UtcTicks - (outcome.At.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var state = track.State;
        if (state.LastSampleAt is { } last)
        {
            if (at <= last)
            {
                return;
            }

            if (at - last > track.Spec.StaleAfter)
            {
                batch.Gaps.Add((track.Spec.MonitorId, last + track.Spec.StaleAfter, at));
            }
        }

        if (!outcome.Success && track.Tracker.ConsecutiveFailures == 0)
        {
            track.FirstError = outcome.Error;
        }

        var step = track.Tracker.Next(new ProbeSample(at, outcome.Success));
        track.Tracker = step.Tracker;
        if (step.Opened is { } start)
        {
            track.Open = new OpenedOutage(null, track.Spec.MonitorId, track.Spec.ServiceId, start, track.FirstError);
            batch.Opened.Add(track.Open);
        }

        if (step.Closed is { } end && track.Open is { } open)
        {
            open.ClosedAt = end;
            batch.Closed.Add(open);
            track.Open = null;
        }

        state.FirstSampleAt ??= at;
        state.LastSampleAt = at;
        state.ConsecutiveFailures = track.Tracker.ConsecutiveFailures;
        state.FirstFailureAt = track.Tracker.FirstFailureAt;
        state.LastSuccess = outcome.Success;
        state.LastLatencyMs = outcome.LatencyMs;
        state.LastStatusCode = outcome.StatusCode;
        state.LastError = outcome.Error?.Length > 500 ? outcome.Error[..500] : outcome.Error;
        state.CertificateExpiresAt = outcome.CertificateExpiresAt ?? state.CertificateExpiresAt;
        batch.Results.Add(outcome with { At = at, Error = state.LastError });
        batch.Touched[track.Spec.MonitorId] = track;
    }

    private async Task WriteAsync(ProbeBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ProbeBatchWrite.SaveAsync(scope.ServiceProvider, batch, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < 10 && e is not OperationCanceledException)
            {
                Log.WriteFailed(logger, e, attempt, batch.Results.Count);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), clock, CancellationToken.None);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} probe results failed (attempt {Attempt}); trying again.")]
        public static partial void WriteFailed(ILogger logger, Exception exception, int attempt, int count);
    }
}
