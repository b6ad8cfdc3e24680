using System.Globalization;
using Isms.Core.Availability;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

public sealed class IntervalTests
{
    [Fact]
    public void Constructor_InstantsWithAnOffset_AreKeptInUtc()
    {
        var interval = new Interval(
            DateTimeOffset.Parse("2026-01-01T08:00:00+08:00", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-01-01T09:30:00+08:00", CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.Zero, interval.Start.Offset);
        Assert.Equal(T0, interval.Start);
        Assert.Equal(T0.AddMinutes(90), interval.End);
        Assert.Equal(5_400, interval.Seconds);
    }

    // DESIGN.md §2 counts whole seconds: a fraction of a second at either end is truncated.
    [Fact]
    public void Constructor_FractionsOfASecond_AreTruncated()
    {
        var interval = new Interval(T0.AddMilliseconds(999), T0.AddSeconds(10).AddTicks(9_999_999));

        Assert.Equal(T0, interval.Start);
        Assert.Equal(T0.AddSeconds(10), interval.End);
        Assert.Equal(10, interval.Seconds);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Interval(At(10), At(5)));
        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Constructor_StartEqualsEnd_IsEmpty()
    {
        Assert.True(new Interval(At(5), At(5)).IsEmpty);
        Assert.Equal(0, new Interval(At(5), At(5)).Seconds);
        Assert.False(Span(5, 6).IsEmpty);
        Assert.True(default(Interval).IsEmpty);
    }

    [Theory]
    [InlineData("0..10", "5..15", "5..10")] // overlap
    [InlineData("0..10", "2..4", "2..4")] // one inside the other
    [InlineData("0..10", "0..10", "0..10")] // the same
    [InlineData("0..10", "10..20", null)] // touching intervals share no second
    [InlineData("0..10", "11..20", null)] // apart
    [InlineData("0..10", "5..5", null)] // an empty interval shares nothing
    public void Intersect_TwoIntervals_IsTheSharedTimeOrNull(string a, string b, string? expected)
    {
        Assert.Equal(expected, Span(a).Intersect(Span(b)) is { } shared ? Show(shared) : null);
        Assert.Equal(expected, Span(b).Intersect(Span(a)) is { } back ? Show(back) : null);
    }

    [Theory]
    [InlineData(0, true)] // the start belongs to the interval
    [InlineData(599, true)] // the last second
    [InlineData(600, false)] // the end belongs to what comes next (half-open)
    [InlineData(-1, false)]
    public void Contains_Instant_HalfOpen(int second, bool expected) =>
        Assert.Equal(expected, Span(0, 10).Contains(T0.AddSeconds(second)));

    [Fact]
    public void Contains_FractionInsideTheLastSecond_IsInside() => Assert.True(Span(0, 10).Contains(T0.AddSeconds(599.5)));

    [Fact]
    public void Deconstruct_Interval_GivesStartAndEnd()
    {
        var (start, end) = Span(1, 2);

        Assert.Equal((At(1), At(2)), (start, end));
    }

    [Fact]
    public void Equality_SameInstantsWithDifferentOffsets_AreEqual() =>
        Assert.Equal(Span(0, 1), new Interval(T0.ToOffset(TimeSpan.FromHours(8)), At(1).ToOffset(TimeSpan.FromHours(-5))));

    [Fact]
    public void ToString_Interval_IsHalfOpenUtc() => Assert.Equal("[2026-01-01T00:00:00Z, 2026-01-01T00:10:00Z)", Span(0, 10).ToString());
}
