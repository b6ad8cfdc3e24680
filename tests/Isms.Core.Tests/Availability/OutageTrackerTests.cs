using Isms.Core.Availability;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

// Issue 5, DESIGN.md §2: the probe engine's incremental form of the rule. Each row gives the
// samples and, per sample, what the step reports: "." nothing, "O<m>" opened at minute m,
// "C<m>" closed at minute m.
public sealed class OutageTrackerTests
{
    private static readonly MonitorRule Default = new(TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData("S0 F5 F10 F15 S20", 2, ". . O5 . C20")] // opens at the second failure, dated back to the first
    [InlineData("S0 F5 S10", 2, ". . .")] // a blip opens nothing
    [InlineData("F0 S5", 1, "O0 C5")] // N = 1: the failure itself opens
    [InlineData("F0 F5 S10 F15 F20 S25", 3, ". . . . . .")] // never three in a row
    [InlineData("F0 F5 F10 S15 S20", 3, ". . O0 C15 .")]
    [InlineData("F0 F5 F5 S5", 2, ". O0 . C5")] // the same second twice is still in order
    public void Next_Samples_OpenAndCloseOutages(string samples, int failuresToOpen, string expected)
    {
        var tracker = OutageTracker.Start(new MonitorRule(TimeSpan.FromMinutes(5), failuresToOpen));
        var steps = new List<string>();
        foreach (var sample in Samples(samples))
        {
            var step = tracker.Next(sample);
            steps.Add(step.Opened is { } opened ? $"O{(opened - T0).TotalMinutes}" : step.Closed is { } closed ? $"C{(closed - T0).TotalMinutes}" : ".");
            tracker = step.Tracker;
        }

        Assert.Equal(expected, string.Join(" ", steps));
    }

    [Fact]
    public void Next_TwoFailures_KeepsTheRunInTheProperties()
    {
        var step = OutageTracker.Start(Default).Next(new(At(5), false)).Tracker.Next(new(At(10).AddMilliseconds(700), false));

        Assert.True(step.Tracker.IsDown);
        Assert.Equal(2, step.Tracker.ConsecutiveFailures);
        Assert.Equal(At(5), step.Tracker.FirstFailureAt);
        Assert.Equal(At(10), step.Tracker.LastSampleAt); // whole seconds
    }

    [Fact]
    public void Next_SampleBeforeTheLast_Throws()
    {
        var tracker = OutageTracker.Start(Default).Next(new(At(10), true)).Tracker;

        Assert.Throws<ArgumentException>(() => tracker.Next(new(At(5), true)));
    }

    [Fact]
    public void Next_IsImmutable_TheOldStateStaysAsItWas()
    {
        var start = OutageTracker.Start(Default);
        _ = start.Next(new(At(0), false));

        Assert.Equal(0, start.ConsecutiveFailures);
        Assert.Null(start.LastSampleAt);
    }

    [Fact]
    public void Restore_StoredProperties_GivesAnEqualTracker()
    {
        var tracker = OutageTracker.Start(Default).Next(new(At(0), false)).Tracker.Next(new(At(5), false)).Tracker;

        var restored = OutageTracker.Restore(Default, tracker.ConsecutiveFailures, tracker.FirstFailureAt, tracker.IsDown, tracker.LastSampleAt);

        Assert.Equal(tracker, restored);
        Assert.Equal(At(10), restored.Next(new(At(10), true)).Closed);
    }

    [Theory]
    [InlineData(-1, null, false, null)] // negative failures
    [InlineData(1, null, false, 0)] // failures without a first failure
    [InlineData(0, 0, false, 0)] // a first failure without failures
    [InlineData(0, null, true, 0)] // down without a failure
    [InlineData(2, 0, true, null)] // failures but no last sample
    [InlineData(2, 10, true, 5)] // the first failure after the last sample
    public void Restore_ImpossibleState_Throws(int failures, int? firstFailureMinute, bool isDown, int? lastSampleMinute) =>
        Assert.ThrowsAny<ArgumentException>(() => OutageTracker.Restore(
            Default, failures, firstFailureMinute is { } first ? At(first) : null, isDown, lastSampleMinute is { } last ? At(last) : null));

    // The rule may change between restarts: with N lowered from 3 to 2, a stored run of two opens
    // at the next failure, dated back to its first.
    [Fact]
    public void Restore_RunAlreadyLongEnoughForTheNewRule_OpensAtTheNextFailure()
    {
        var restored = OutageTracker.Restore(Default, 2, At(0), false, At(5));

        var step = restored.Next(new(At(10), false));

        Assert.Equal(At(0), step.Opened);
        Assert.Equal(3, step.Tracker.ConsecutiveFailures);
    }

    // With N raised, an outage already open stays open until a success.
    [Fact]
    public void Restore_OpenOutageUnderAStricterRule_StaysOpenUntilASuccess()
    {
        var restored = OutageTracker.Restore(new MonitorRule(TimeSpan.FromMinutes(5), 5), 2, At(0), true, At(5));

        Assert.True(restored.Next(new(At(10), false)).Tracker.IsDown);
        Assert.Equal(At(10), restored.Next(new(At(10), true)).Closed);
    }

    [Fact]
    public void Start_NullRule_Throws() => Assert.Throws<ArgumentNullException>(() => OutageTracker.Start(null!));
}
