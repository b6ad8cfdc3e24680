using System.Globalization;
using FsCheck.Xunit;
using Isms.Core.Availability;
using Isms.Core.Calendars;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

// Issue 5: roll-ups replace old samples, so they must add up to exactly what the samples say.
public sealed class RollupsTests
{
    private static readonly AgencyTime Taipei = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));

    // T0 is 08:00 in Taipei; a window from 07:30 to 09:15 local in hours: a partial bucket at each edge.
    [Fact]
    public void Split_Hours_CutsAtTheWindowEdgesAndCounts()
    {
        var history = new MonitorHistory(Spans("-10..10 50..70"), Spans("30..40"));

        var buckets = Rollups.Split(history, Span(-30, 75), RollupSize.Hour, Taipei);

        Assert.Equal(
            [new(At(-30), 1_800, 600, 0), new(At(0), 3_600, 1_200, 600), new(At(60), 900, 600, 0)],
            buckets);
        Assert.Equal(1_200, buckets[0].UpSeconds);
    }

    [Fact]
    public void Split_Days_StartAtTaipeiMidnight()
    {
        var window = new Interval(Parse("2026-06-30T12:00:00Z"), Parse("2026-07-02T00:00:00Z"));

        var buckets = Rollups.Split(new MonitorHistory([], []), window, RollupSize.Day, Taipei);

        Assert.Equal([Parse("2026-06-30T12:00:00Z"), Parse("2026-06-30T16:00:00Z"), Parse("2026-07-01T16:00:00Z")], buckets.Select(b => b.Start));
        Assert.Equal([14_400L, 86_400, 28_800], buckets.Select(b => b.Seconds));
    }

    [Fact]
    public void Split_Minutes_OneBucketPerMinute()
    {
        var buckets = Rollups.Split(new MonitorHistory(Spans("1..2"), []), new Interval(T0.AddSeconds(30), At(3)), RollupSize.Minute, Taipei);

        Assert.Equal([30L, 60, 60], buckets.Select(b => b.Seconds));
        Assert.Equal([0L, 60, 0], buckets.Select(b => b.DownSeconds));
    }

    // India is UTC+5:30: its hours begin at half past the UTC hour.
    [Fact]
    public void Split_HoursInAHalfHourZone_FollowTheLocalClock()
    {
        var india = new AgencyTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

        var buckets = Rollups.Split(new MonitorHistory([], []), Span(0, 120), RollupSize.Hour, india);

        Assert.Equal([At(0), At(30), At(90)], buckets.Select(b => b.Start));
    }

    [Fact]
    public void Split_EmptyWindow_HasNoBuckets() => Assert.Empty(Rollups.Split(new MonitorHistory([], []), Span(5, 5), RollupSize.Day, Taipei));

    [Fact]
    public void RollupBucket_MoreDownAndUnknownThanTheBucket_Throws() =>
        Assert.Throws<ArgumentException>(() => new RollupBucket(T0, 60, 40, 30));

    // Summed roll-ups of every size give the history's totals over the window, and the same
    // availability as the figures computed from the samples.
    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 200)]
    public bool Split_AnySamplesAnySize_SumsToTheHistoryAndItsAvailability(ProbeScenario scenario)
    {
        var history = MonitorTimeline.Build(scenario.Samples, scenario.Rule, scenario.Window);
        var figures = AvailabilityFigures.Compute(history, [], scenario.Window, scenario.Window.End, 0.99m, false);
        foreach (var size in Enum.GetValues<RollupSize>())
        {
            var buckets = Rollups.Split(history, scenario.Window, size, Taipei);
            var (seconds, down, unknown) = (buckets.Sum(b => b.Seconds), buckets.Sum(b => b.DownSeconds), buckets.Sum(b => b.UnknownSeconds));
            double? availability = seconds - unknown > 0 ? 1.0 - ((double)down / seconds) : null;
            var contiguous = buckets.Zip(buckets.Skip(1)).All(pair => pair.First.Start.AddSeconds(pair.First.Seconds) == pair.Second.Start);
            if (seconds != scenario.Window.Seconds || down != Intervals.TotalSeconds(history.Down) || unknown != Intervals.TotalSeconds(history.Unknown)
                || availability != figures.Availability || !contiguous || (buckets.Count > 0 && buckets[0].Start != scenario.Window.Start))
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
