using FsCheck;
using FsCheck.Fluent;
using Isms.Core.Availability;
using Interval = Isms.Core.Availability.Interval;

namespace Isms.Core.Tests.Availability;

/// Intervals within the first 300 seconds after T0, where they overlap, touch and nest often.
public sealed record IntervalBag(Interval[] Items)
{
    public override string ToString() => string.Join(" ", Items.Select(i => $"{Offset(i.Start)}..{Offset(i.End)}s"));

    private static long Offset(DateTimeOffset instant) => (long)(instant - Notation.T0).TotalSeconds;
}

/// One monitor's samples in time order (some at the same second, some with a fraction of a
/// second) with a rule and a window that may start before, among or after the samples.
public sealed record ProbeScenario(ProbeSample[] Samples, MonitorRule Rule, Interval Window)
{
    public override string ToString() =>
        $"N={Rule.FailuresToOpen} stale={Rule.StaleAfter.TotalSeconds}s window={Window} samples="
        + string.Join(" ", Samples.Select(s => $"{(s.Success ? 'S' : 'F')}{(long)(s.At - Notation.T0).TotalSeconds}"));
}

/// Several monitors over one window with hand-recorded and dismissed outages near it.
public sealed record ServiceScenario(ProbeScenario[] Monitors, Interval[] Manual, Interval[] Dismissed, Interval Window)
{
    public MonitorHistory[] Histories() => [.. Monitors.Select(m => MonitorTimeline.Build(m.Samples, m.Rule, Window))];

    public override string ToString() =>
        $"window={Window} manual={string.Join(" ", Manual)} dismissed={string.Join(" ", Dismissed)}; "
        + string.Join("; ", Monitors.Select(m => m.ToString()));
}

public static class AvailabilityArbitraries
{
    public static Arbitrary<IntervalBag> Bags() =>
        Gen.Choose(0, 12).SelectMany(count => Gen.ArrayOf(SmallInterval(), count)).Select(items => new IntervalBag(items)).ToArbitrary();

    public static Arbitrary<ProbeScenario> Probes() =>
        (from scale in Gen.Elements(1, 1, 60)
         from count in Gen.Choose(0, 80)
         from steps in Gen.ArrayOf(Step(), count)
         from rule in Rule()
         from windowStart in Gen.Choose(-600, 3_000)
         from windowLength in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 8_000)))
         select Scenario(scale, steps, rule, windowStart, windowLength))
        .ToArbitrary();

    public static Arbitrary<ServiceScenario> Services() =>
        (from monitorCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)))
         from scale in Gen.Elements(1, 60)
         from monitors in Gen.ArrayOf(MonitorOf(scale), monitorCount)
         from manual in Gen.ArrayOf(WideInterval(scale), 2)
         from dismissed in Gen.ArrayOf(WideInterval(scale), 2)
         from manualCount in Gen.Choose(0, 2)
         from dismissedCount in Gen.Choose(0, 2)
         let window = new Interval(Notation.T0, Notation.T0.AddSeconds(4_000 * scale))
         select new ServiceScenario([.. monitors.Select(m => m with { Window = window })], manual[..manualCount], dismissed[..dismissedCount], window))
        .ToArbitrary();

    private static Gen<ProbeScenario> MonitorOf(int scale) =>
        from count in Gen.Choose(0, 80)
        from steps in Gen.ArrayOf(Step(), count)
        from rule in Rule()
        select Scenario(scale, steps, rule, 0, 4_000);

    private static Gen<MonitorRule> Rule() =>
        from failuresToOpen in Gen.Choose(1, 3)
        from stale in Gen.Frequency((1, Gen.Choose(1, 30)), (4, Gen.Choose(60, 600)))
        select new MonitorRule(TimeSpan.FromSeconds(stale), failuresToOpen);

    // Mostly a probe a minute or so; sometimes two in the same second, sometimes a long gap.
    private static Gen<(int Gap, bool Success, int Millisecond)> Step() =>
        from gap in Gen.Frequency((6, Gen.Choose(30, 90)), (1, Gen.Choose(0, 1)), (1, Gen.Choose(200, 1_500)))
        from success in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from millisecond in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 999)))
        select (gap, success, millisecond);

    private static ProbeScenario Scenario(int scale, (int Gap, bool Success, int Millisecond)[] steps, MonitorRule rule, int windowStart, int windowLength)
    {
        var samples = new ProbeSample[steps.Length];
        long at = 0;
        for (var index = 0; index < steps.Length; index++)
        {
            at += (long)steps[index].Gap * scale;
            samples[index] = new ProbeSample(Notation.T0.AddSeconds(at).AddMilliseconds(steps[index].Millisecond), steps[index].Success);
        }

        var start = Notation.T0.AddSeconds((long)windowStart * scale);
        return new ProbeScenario(samples, rule, new Interval(start, start.AddSeconds((long)windowLength * scale)));
    }

    private static Gen<Interval> SmallInterval() =>
        from start in Gen.Choose(0, 290)
        from length in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 40)), (1, Gen.Choose(41, 300)))
        select new Interval(Notation.T0.AddSeconds(start), Notation.T0.AddSeconds(Math.Min(300, start + length)));

    private static Gen<Interval> WideInterval(int scale) =>
        from start in Gen.Choose(-200, 4_100)
        from length in Gen.Choose(0, 800)
        select new Interval(Notation.T0.AddSeconds((long)start * scale), Notation.T0.AddSeconds((long)(start + length) * scale));
}
