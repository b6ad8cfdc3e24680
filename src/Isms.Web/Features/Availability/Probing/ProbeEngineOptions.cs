namespace Isms.Web.Features.Availability.Probing;

/// Isms:Availability:Engine:* — how the probe engine runs on this node.
public sealed class ProbeEngineOptions
{
    /// Off for nodes that should only serve pages (and in tests that drive the engine themselves).
    public bool Enabled { get; set; } = true;

    /// Names this node in the leases; a fresh one per process when not set.
    public string? NodeId { get; set; }

    /// Probes running at once; a slow target holds one slot until its own timeout, never the others.
    public int MaxConcurrency { get; set; } = 256;

    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxBatch { get; set; } = 5_000;

    public int QueueLength { get; set; } = 100_000;
}
