using FsCheck.Xunit;
using Isms.Core.Availability;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2: unknown time is neither up nor down. Over any samples, a monitor's and a
// service's down and unknown time are disjoint, lie in the window, and with the up time make up
// the window exactly.
public sealed class TimelinePropertyTests
{
    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 1_000)]
    public bool Build_AnySamples_PartitionsTheWindow(ProbeScenario scenario) =>
        Partitions(MonitorTimeline.Build(scenario.Samples, scenario.Rule, scenario.Window), scenario.Window);

    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool Combine_AnyMonitors_PartitionsTheWindow(ServiceScenario scenario) =>
        Partitions(ServiceTimeline.Combine(scenario.Histories(), scenario.Manual, scenario.Dismissed, scenario.Window), scenario.Window);

    // Any critical monitor down makes the service down unless dismissed; a manual outage is down
    // unless dismissed; dismissed time is never up.
    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool Combine_AnyMonitors_FollowsTheRule(ServiceScenario scenario)
    {
        var histories = scenario.Histories();
        var service = ServiceTimeline.Combine(histories, scenario.Manual, scenario.Dismissed, scenario.Window);
        var mustBeDown = Intervals.Subtract(Intervals.Clip(histories.SelectMany(h => h.Down).Concat(scenario.Manual), scenario.Window), scenario.Dismissed);
        var up = Intervals.Complement(service.Down.Concat(service.Unknown), scenario.Window);
        return service.Down.SequenceEqual(mustBeDown)
            && Intervals.Intersect(up, scenario.Dismissed).Count == 0
            && Intervals.Intersect(up, histories.SelectMany(h => h.Unknown)).Count == 0
            && (histories.Length > 0 || up.Count == 0);
    }

    private static bool Partitions(MonitorHistory history, Interval window)
    {
        var up = Intervals.Complement(history.Down.Concat(history.Unknown), window);
        return Intervals.Intersect(history.Down, history.Unknown).Count == 0
            && Intervals.Clip(history.Down, window).SequenceEqual(history.Down)
            && Intervals.Clip(history.Unknown, window).SequenceEqual(history.Unknown)
            && Intervals.TotalSeconds(history.Down) + Intervals.TotalSeconds(history.Unknown) + Intervals.TotalSeconds(up) == window.Seconds
            && Intervals.Union(Intervals.Union(history.Down, history.Unknown), up).SequenceEqual(window.IsEmpty ? [] : [window]);
    }
}
