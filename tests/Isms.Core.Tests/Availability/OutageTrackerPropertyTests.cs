using FsCheck.Xunit;
using Isms.Core.Availability;

namespace Isms.Core.Tests.Availability;

// Issue 5: the probe engine's tracker and the report's timeline apply the same rule, so the
// outages one opens and closes are the runs the other finds, and a tracker stored and restored
// at any sample goes on exactly as one that never stopped.
public sealed class OutageTrackerPropertyTests
{
    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 1_000)]
    public bool Tracker_AnySamples_OpensAndClosesTheTimelinesOutages(ProbeScenario scenario)
    {
        var until = scenario.Samples.Length > 0 ? scenario.Samples[^1].At.AddDays(1) : Notation.T0;
        return Intervals.Merge(TrackedOutages(scenario.Samples, OutageTracker.Start(scenario.Rule), until))
            .SequenceEqual(MonitorTimeline.Outages(scenario.Samples, scenario.Rule, until));
    }

    // Build's down time is those outages within the window less the unknown time.
    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 1_000)]
    public bool Build_AnySamples_DownIsTheTrackedOutagesLessUnknown(ProbeScenario scenario)
    {
        var history = MonitorTimeline.Build(scenario.Samples, scenario.Rule, scenario.Window);
        var until = scenario.Samples.Length > 0 && scenario.Samples[^1].At > scenario.Window.End ? scenario.Samples[^1].At : scenario.Window.End;
        var tracked = TrackedOutages(scenario.Samples, OutageTracker.Start(scenario.Rule), until);
        return history.Down.SequenceEqual(Intervals.Subtract(Intervals.Clip(tracked, scenario.Window), history.Unknown));
    }

    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool Restore_AtAnySample_GoesOnAsIfNeverStopped(ProbeScenario scenario, int cut)
    {
        var at = scenario.Samples.Length == 0 ? 0 : Math.Abs(cut % (scenario.Samples.Length + 1));
        var tracker = OutageTracker.Start(scenario.Rule);
        foreach (var sample in scenario.Samples[..at])
        {
            tracker = tracker.Next(sample).Tracker;
        }

        var restored = OutageTracker.Restore(scenario.Rule, tracker.ConsecutiveFailures, tracker.FirstFailureAt, tracker.IsDown, tracker.LastSampleAt);
        foreach (var sample in scenario.Samples[at..])
        {
            var (expected, actual) = (tracker.Next(sample), restored.Next(sample));
            if (expected != actual)
            {
                return false;
            }

            (tracker, restored) = (expected.Tracker, actual.Tracker);
        }

        return true;
    }

    private static List<Interval> TrackedOutages(IEnumerable<ProbeSample> samples, OutageTracker tracker, DateTimeOffset until)
    {
        var outages = new List<Interval>();
        DateTimeOffset? open = null;
        foreach (var sample in samples)
        {
            var step = tracker.Next(sample);
            if (step.Closed is { } closed)
            {
                outages.Add(new Interval(open!.Value, closed));
            }

            open = step.Opened ?? (step.Closed is null ? open : null);
            tracker = step.Tracker;
        }

        if (open is { } stillOpen && stillOpen < until)
        {
            outages.Add(new Interval(stillOpen, until));
        }

        return outages;
    }
}
