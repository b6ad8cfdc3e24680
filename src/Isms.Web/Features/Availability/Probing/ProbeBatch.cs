using Isms.Core.Availability;

namespace Isms.Web.Features.Availability.Probing;

/// What the engine tells the writer, in order: take over a monitor with its stored state, record a
/// probe's outcome, or let a monitor go.
public abstract record ProbeMessage(int MonitorId);

public sealed record TakeOver(ProbeSpec Spec, MonitorState State) : ProbeMessage(Spec.MonitorId);

public sealed record Probed(ProbeOutcome Outcome) : ProbeMessage(Outcome.MonitorId);

public sealed record LetGo(int Monitor) : ProbeMessage(Monitor);

/// One monitor as the writer follows it between batches.
internal sealed class MonitorTrack(ProbeSpec spec, OutageTracker tracker, MonitorState state)
{
    public ProbeSpec Spec { get; set; } = spec;

    public OutageTracker Tracker { get; set; } = tracker;

    public MonitorState State { get; } = state;

    /// The outage this monitor has open; a new one gets its id when the batch is saved.
    public OpenedOutage? Open { get; set; }

    public string? FirstError { get; set; }
}

/// An outage opened by this writer or found open in the stored state.
internal sealed class OpenedOutage(int? id, int monitorId, int serviceId, DateTimeOffset start, string? error)
{
    public int? Id { get; set; } = id;

    public int MonitorId { get; } = monitorId;

    public int ServiceId { get; } = serviceId;

    public DateTimeOffset Start { get; } = start;

    public string? Error { get; } = error;

    public DateTimeOffset? ClosedAt { get; set; }
}

/// Everything one flush writes, in one transaction; kept as plain data so that a failed attempt
/// can be tried again on a fresh context.
internal sealed class ProbeBatch
{
    public List<ProbeOutcome> Results { get; } = [];

    public List<(int MonitorId, DateTimeOffset Start, DateTimeOffset End)> Gaps { get; } = [];

    public List<OpenedOutage> Opened { get; } = [];

    public List<OpenedOutage> Closed { get; } = [];

    public Dictionary<int, MonitorTrack> Touched { get; } = [];

    public bool IsEmpty => Results.Count == 0 && Touched.Count == 0;
}
