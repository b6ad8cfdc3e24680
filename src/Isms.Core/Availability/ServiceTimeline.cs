namespace Isms.Core.Availability;

/// <summary>
/// A service's down and unknown time from its critical monitors and the security office's records
/// (DESIGN.md §2, issue 5). The caller picks the critical monitors; when none is marked critical,
/// it passes them all.
/// </summary>
public static class ServiceTimeline
{
    /// <summary>
    /// The service is down while any critical monitor is down, and during each hand-recorded
    /// outage, even over unknown time (someone saw it). A dismissed outage (not the service's
    /// fault, such as a network failure on the probe's side) takes its time out of down and makes
    /// it unknown, not up: nobody knows how the service did then. The rest of the monitors'
    /// unknown time stays unknown; a service with no monitors is unknown all window long except
    /// its hand-recorded outages. Everything is cut to <paramref name="window"/>.
    /// </summary>
    public static MonitorHistory Combine(
        IEnumerable<MonitorHistory> criticalMonitors, IEnumerable<Interval> manualOutages, IEnumerable<Interval> dismissed, Interval window)
    {
        ArgumentNullException.ThrowIfNull(criticalMonitors);
        var monitors = criticalMonitors.ToList();
        if (monitors.Contains(null!))
        {
            throw new ArgumentException("A monitor history is missing.", nameof(criticalMonitors));
        }

        var dismissedTime = Intervals.Clip(dismissed, window);
        var monitorsDown = monitors.SelectMany(monitor => monitor.Down);
        IEnumerable<Interval> monitorsUnknown = monitors.Count == 0 ? [window] : monitors.SelectMany(monitor => monitor.Unknown);

        var down = Intervals.Subtract(Intervals.Clip(Intervals.Union(monitorsDown, manualOutages), window), dismissedTime);
        var unknown = Intervals.Subtract(Intervals.Clip(Intervals.Union(monitorsUnknown, dismissedTime), window), down);
        return new MonitorHistory(down, unknown);
    }
}
