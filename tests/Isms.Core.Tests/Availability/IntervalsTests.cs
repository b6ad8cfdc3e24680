using Isms.Core.Availability;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2: outages are intervals; overlapping intervals are merged and clipped to the period.
public sealed class IntervalsTests
{
    [Theory]
    [InlineData("", "")] // nothing in, nothing out
    [InlineData("0..10 5..15", "0..15")] // overlapping
    [InlineData("0..10 10..20", "0..20")] // touching: one outage, not two
    [InlineData("20..30 0..10", "0..10 20..30")] // sorted by start
    [InlineData("0..30 5..10 8..12", "0..30")] // nested
    [InlineData("0..10 11..20", "0..10 11..20")] // a minute apart stays apart
    [InlineData("5..5 0..0 7..9", "7..9")] // empty intervals dropped
    [InlineData("5..5", "")]
    [InlineData("30..40 0..10 5..35", "0..40")] // a late interval bridges two earlier ones
    public void Merge_Intervals_SortedJoinedAndWithoutEmpties(string intervals, string expected) =>
        Assert.Equal(expected, Show(Intervals.Merge(Spans(intervals))));

    [Theory]
    [InlineData("", "0..60", "")]
    [InlineData("-10..10 50..70", "0..60", "0..10 50..60")] // cut at both ends of the period
    [InlineData("-10..0 60..70", "0..60", "")] // touching the period from outside
    [InlineData("-10..70", "0..60", "0..60")] // covering the whole period
    [InlineData("10..20 15..30", "0..60", "10..30")] // merged as well
    [InlineData("10..20", "30..30", "")] // an empty period keeps nothing
    public void Clip_IntervalsToAPeriod_AreMergedAndCut(string intervals, string period, string expected) =>
        Assert.Equal(expected, Show(Intervals.Clip(Spans(intervals), Span(period))));

    [Theory]
    [InlineData("0..60", "", "0..60")]
    [InlineData("", "0..60", "")]
    [InlineData("0..60", "10..20", "0..10 20..60")] // a hole
    [InlineData("0..60", "0..60", "")] // all of it
    [InlineData("0..60", "-10..10 50..70", "10..50")] // both ends
    [InlineData("0..10 20..30", "5..25", "0..5 25..30")] // one removed interval over two kept ones
    [InlineData("0..10 20..30", "10..20", "0..10 20..30")] // touching removes nothing
    [InlineData("0..60", "10..20 15..25 40..41", "0..10 25..40 41..60")] // removed ones are merged first
    [InlineData("0..10 20..30 40..50", "0..100", "")]
    public void Subtract_RemovedTime_IsGone(string from, string remove, string expected) =>
        Assert.Equal(expected, Show(Intervals.Subtract(Spans(from), Spans(remove))));

    [Theory]
    [InlineData("0..60", "", "")]
    [InlineData("0..10 20..30", "5..25", "5..10 20..25")]
    [InlineData("0..10", "10..20", "")] // touching shares nothing
    [InlineData("0..100", "10..20 30..40", "10..20 30..40")]
    [InlineData("0..5 5..10", "3..7", "3..7")] // merged before intersecting
    public void Intersect_TwoSets_IsTheSharedTime(string a, string b, string expected)
    {
        Assert.Equal(expected, Show(Intervals.Intersect(Spans(a), Spans(b))));
        Assert.Equal(expected, Show(Intervals.Intersect(Spans(b), Spans(a))));
    }

    [Theory]
    [InlineData("", "", "")]
    [InlineData("0..10", "", "0..10")]
    [InlineData("0..10", "10..20", "0..20")]
    [InlineData("0..10 30..40", "5..35", "0..40")]
    [InlineData("30..40", "0..10", "0..10 30..40")]
    public void Union_TwoSets_IsAllTheirTime(string a, string b, string expected)
    {
        Assert.Equal(expected, Show(Intervals.Union(Spans(a), Spans(b))));
        Assert.Equal(expected, Show(Intervals.Union(Spans(b), Spans(a))));
    }

    [Theory]
    [InlineData("", "0..60", "0..60")] // nothing covered: all of it
    [InlineData("10..20 30..40", "0..60", "0..10 20..30 40..60")]
    [InlineData("-10..70", "0..60", "")]
    [InlineData("0..60", "0..60", "")]
    [InlineData("10..20", "30..30", "")] // an empty window has no complement
    public void Complement_Intervals_IsTheUncoveredTimeWithin(string intervals, string within, string expected) =>
        Assert.Equal(expected, Show(Intervals.Complement(Spans(intervals), Span(within))));

    [Theory]
    [InlineData("", 0)]
    [InlineData("0..10", 600)]
    [InlineData("0..10 5..15", 900)] // time covered twice counts once
    [InlineData("0..10 20..30", 1_200)]
    public void TotalSeconds_Intervals_CountsEachSecondOnce(string intervals, long expected) =>
        Assert.Equal(expected, Intervals.TotalSeconds(Spans(intervals)));

    [Fact]
    public void Merge_AMergedResult_IsReturnedEqual()
    {
        var merged = Intervals.Merge(Spans("0..10 5..20 30..40"));

        Assert.Equal(merged, Intervals.Merge(merged));
        Assert.Equal(merged, Intervals.Clip(merged, Span(0, 40)));
    }

    [Fact]
    public void Operations_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Intervals.Merge(null!));
        Assert.Throws<ArgumentNullException>(() => Intervals.Subtract(Spans("0..1"), null!));
        Assert.Throws<ArgumentNullException>(() => Intervals.Intersect(null!, Spans("0..1")));
        Assert.Throws<ArgumentNullException>(() => Intervals.TotalSeconds(null!));
    }
}
