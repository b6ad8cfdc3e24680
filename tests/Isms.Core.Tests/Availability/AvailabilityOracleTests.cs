using System.Diagnostics;
using Isms.Core.Availability;
using Isms.Core.Calendars;
using Xunit.Abstractions;

namespace Isms.Core.Tests.Availability;

// Issue 5, DESIGN.md §2: the production pipeline (MonitorTimeline.Build → ServiceTimeline.Combine
// → AvailabilityFigures.Compute) against NaiveAvailability, which walks the probe slots one by
// one, over 1,000 scripted years. Year i is generated from seed FirstSeed + i alone; a failure
// names the seed and the script, and Replay_OneSeed_AgreesWithTheNaiveWalk runs that one year again.
public sealed class AvailabilityOracleTests(ITestOutputHelper output)
{
    private const int FirstSeed = 20_260_101;
    private const int SlotSeconds = 300;
    private static readonly AgencyTime Taipei = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));

    [Fact]
    public void Pipeline_1000ScriptedYears_AgreesWithTheNaiveWalk()
    {
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        var (slots, samples, finished, met, noData) = (0L, 0L, 0, 0, 0);
        for (var index = 0; index < 1_000 && failures.Count < 10; index++)
        {
            var year = ScriptedYear.Generate(FirstSeed + index, SlotSeconds);
            var (expected, actual, sampleCount) = Run(year);
            if (Differences(expected, actual) is { Length: > 0 } differences)
            {
                failures.Add($"{differences}; {year.Describe()}");
            }

            slots += year.SlotCount;
            samples += sampleCount;
            finished += year.NowSlot >= year.YearTo ? 1 : 0;
            met += expected.TargetMet == true ? 1 : 0;
            noData += expected.Availability is null ? 1 : 0;
        }

        output.WriteLine($"1,000 years of {SlotSeconds} s slots: {slots:N0} slots, {samples:N0} samples, {finished} finished, "
            + $"{met} meeting the target, {noData} without availability, in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Fill in a seed from a failure message to debug that year alone.
    [Theory]
    [InlineData(FirstSeed)]
    public void Replay_OneSeed_AgreesWithTheNaiveWalk(int seed)
    {
        var year = ScriptedYear.Generate(seed, SlotSeconds);
        var (expected, actual, _) = Run(year);

        Assert.True(Differences(expected, actual).Length == 0, $"{Differences(expected, actual)}; {year.Describe()}");
    }

    private static (NaiveFigures Expected, NaiveFigures Actual, long Samples) Run(ScriptedYear year)
    {
        var period = Taipei.Year(year.Year);
        var histories = new List<MonitorHistory>();
        long samples = 0;
        foreach (var monitor in year.Monitors)
        {
            var probes = new List<ProbeSample>();
            for (var slot = 0; slot < year.SlotCount; slot++)
            {
                if (monitor.Outcomes[slot] >= 0)
                {
                    probes.Add(new ProbeSample(year.SlotStart(slot), monitor.Outcomes[slot] == 1));
                }
            }

            samples += probes.Count;
            var rule = new MonitorRule(TimeSpan.FromSeconds((long)monitor.StaleSlots * year.SlotSeconds), monitor.FailuresToOpen);
            histories.Add(MonitorTimeline.Build(probes, rule, period));
        }

        var service = ServiceTimeline.Combine(histories, Intervals(year, year.Manual), Intervals(year, year.Dismissed), period);
        var figures = AvailabilityFigures.Compute(
            service, Intervals(year, year.Maintenance), period, year.SlotStart(year.NowSlot), year.Target, year.MaintenanceCounts);
        var actual = new NaiveFigures(
            figures.PlannedSeconds, figures.UnplannedDowntimeSeconds, figures.UnknownSeconds, figures.Outages, figures.Availability, figures.TargetMet);
        return (NaiveAvailability.Compute(year), actual, samples);
    }

    private static Interval[] Intervals(ScriptedYear year, SlotRange[] ranges) =>
        [.. ranges.Select(range => new Interval(year.SlotStart(range.From), year.SlotStart(range.To)))];

    private static string Differences(NaiveFigures expected, NaiveFigures actual) =>
        expected == actual ? "" : $"naive {expected}, pipeline {actual}";
}
