namespace Isms.Core.Availability;

/// <summary>What one probe did to an <see cref="OutageTracker"/>.</summary>
/// <param name="Tracker">The state after the probe.</param>
/// <param name="Opened">When an outage opened at this probe: the first failure of its run; otherwise null.</param>
/// <param name="Closed">When an outage closed at this probe: this probe's time; otherwise null.</param>
public sealed record OutageStep(OutageTracker Tracker, DateTimeOffset? Opened, DateTimeOffset? Closed);
