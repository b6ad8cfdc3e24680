using Isms.Core.Availability;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2, issue 5: a monitor is down from the first of N consecutive failed probes until the
// next successful probe; time with no probe data is unknown. Minutes after T0; window 0..60
// unless a row says otherwise.
public sealed class MonitorTimelineTests
{
    [Theory]
    // N = 1: every failure is an outage, until the next success.
    [InlineData("S0 F5 S10 S15", 1, 5, "0..20", "5..10", "")]
    // N = 2 (the default): a single failed probe followed by a success is a blip, up.
    [InlineData("S0 F5 S10 S15", 2, 5, "0..20", "", "")]
    // N = 2: down from the first of the two failures, not from the second.
    [InlineData("S0 F5 F10 S15", 2, 5, "0..20", "5..15", "")]
    // N = 3: two failures are not enough, three are.
    [InlineData("S0 F5 F10 S15", 3, 5, "0..20", "", "")]
    [InlineData("S0 F5 F10 F15 S20", 3, 5, "0..25", "5..20", "")]
    // The run began before the window: down from the window's start.
    [InlineData("F-10 F-5 F0 S5 S10", 2, 5, "0..15", "0..5", "")]
    // The run's first failure is before the window and its second inside: down from the start.
    [InlineData("F-5 F5 S10", 2, 10, "0..20", "0..10", "")]
    // A gap inside an outage is unknown, not down; a gap does not break the run.
    [InlineData("S0 F5 F20 S25", 2, 5, "0..30", "5..10 20..25", "10..20")]
    // Failure, ten minutes without data, failure: a run of two whose down time leaves out the gap.
    [InlineData("F0 F15 S20", 2, 5, "0..25", "0..5 15..20", "5..15")]
    // A failure, a gap, then a success: a blip with unknown time in between.
    [InlineData("S0 F5 S20", 2, 5, "0..25", "", "10..20")]
    // Data stops while down: down while the last probe speaks, unknown after, to the window's end.
    [InlineData("S0 F5 F10", 2, 5, "0..60", "5..15", "15..60")]
    // Data stops while up: unknown from the end of the last probe's stretch.
    [InlineData("S0 S5", 2, 5, "0..60", "", "10..60")]
    // No data at all: all unknown.
    [InlineData("", 2, 5, "0..60", "", "0..60")]
    // Data long before the window only: all unknown.
    [InlineData("S-100 F-95 F-90", 2, 5, "0..60", "", "0..60")]
    // A stretch from before the window reaches into it.
    [InlineData("S-3", 2, 5, "0..10", "", "2..10")]
    // Still failing at the window's end, with the last probe speaking to the end: down to the end.
    [InlineData("S0 F5 F10", 2, 60, "0..20", "5..20", "")]
    // The run reaches N only after the window: the window's part of it is down all the same.
    [InlineData("S0 F15 F25", 2, 10, "0..20", "15..20", "10..15")]
    // The next probe cuts the stretch short; a late one leaves a sliver unknown.
    [InlineData("S0 S3 S12", 2, 5, "0..17", "", "8..12")]
    // Two probes in the same second: the first one's stretch is empty, the run still counts both.
    [InlineData("S0 F5 F5 S10", 2, 5, "0..15", "5..10", "")]
    // Samples after the window change nothing inside it.
    [InlineData("S0 S5 F20 F25", 2, 5, "0..10", "", "")]
    // An empty window has nothing.
    [InlineData("S0 F5 F10", 2, 5, "7..7", "", "")]
    public void Build_Samples_GiveDownAndUnknown(string samples, int failuresToOpen, int staleMinutes, string window, string down, string unknown)
    {
        var history = MonitorTimeline.Build(Samples(samples), new MonitorRule(TimeSpan.FromMinutes(staleMinutes), failuresToOpen), Span(window));

        Assert.Equal(down, Show(history.Down));
        Assert.Equal(unknown, Show(history.Unknown));
    }

    [Fact]
    public void Build_SamplesOutOfOrder_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => MonitorTimeline.Build(Samples("S0 F10 F5"), new MonitorRule(TimeSpan.FromMinutes(5)), Span(0, 60)));
        Assert.Equal("samplesInTimeOrder", error.ParamName);
    }

    // Whole seconds: a probe at 10.9 s counts from 10 s.
    [Fact]
    public void Build_ProbeWithAFraction_IsTruncatedToTheSecond()
    {
        ProbeSample[] samples = [new(T0.AddSeconds(10.9), false), new(T0.AddSeconds(20.5), false), new(T0.AddSeconds(30.2), true)];

        var history = MonitorTimeline.Build(samples, new MonitorRule(TimeSpan.FromSeconds(15.7)), new Interval(T0, T0.AddSeconds(40)));

        Assert.Equal([new Interval(T0.AddSeconds(10), T0.AddSeconds(30))], history.Down);
        Assert.Equal([new Interval(T0, T0.AddSeconds(10))], history.Unknown);
    }

    [Fact]
    public void Build_AnyEnumerable_GivesTheSameAsAList()
    {
        List<ProbeSample> list = [.. Samples("S0 F5 F10 S15 F30 F31")];
        var rule = new MonitorRule(TimeSpan.FromMinutes(5));

        // A list is walked as a span, anything else through its enumerator.
        Assert.Equal(MonitorTimeline.Build(list, rule, Span(0, 60)), MonitorTimeline.Build(list.Select(s => s), rule, Span(0, 60)));
    }

    [Theory]
    [InlineData("S0 F5 F10 S15 F20 F25", 2, "5..15 20..100")] // the open outage runs to openUntil
    [InlineData("F0 F5 F20 S25", 2, "0..25")] // no unknown time taken out
    [InlineData("F0 S5 F10 S15", 2, "")]
    [InlineData("F0 F5 S5 F5 F6 S8", 2, "0..8")] // closed and reopened in the same second: one merged outage
    [InlineData("F150 F160", 1, "")] // opening at or after openUntil is left out
    public void Outages_Samples_AreTheRunsBeforeUnknownIsTakenOut(string samples, int failuresToOpen, string expected)
    {
        var outages = MonitorTimeline.Outages(Samples(samples), new MonitorRule(TimeSpan.FromMinutes(1), failuresToOpen), At(100));

        Assert.Equal(expected, Show(outages));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(-1, 2)]
    [InlineData(60, 0)]
    public void MonitorRule_Invalid_Throws(int staleSeconds, int failuresToOpen) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitorRule(TimeSpan.FromSeconds(staleSeconds), failuresToOpen));

    [Fact]
    public void MonitorRule_Defaults_TwoFailuresAndWholeSeconds()
    {
        var rule = new MonitorRule(TimeSpan.FromSeconds(90.8));

        Assert.Equal(2, rule.FailuresToOpen);
        Assert.Equal(TimeSpan.FromSeconds(90), rule.StaleAfter);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitorRule(TimeSpan.FromMilliseconds(900)));
    }
}
