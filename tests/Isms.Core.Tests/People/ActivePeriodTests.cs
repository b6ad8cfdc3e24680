using FsCheck.Xunit;
using Isms.Core.People;

namespace Isms.Core.Tests.People;

public sealed class ActivePeriodTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    private static DateOnly? OptionalDate(string? text) => text is null ? null : D(text);

    [Theory]
    [InlineData("2026-01-01", null, "2025-12-31", false)] // the day before the first day
    [InlineData("2026-01-01", null, "2026-01-01", true)] // the first day counts (policy V: in scope from the first day)
    [InlineData("2026-01-01", null, "2099-12-31", true)] // an open end stays in scope
    [InlineData("2026-01-01", "2026-06-30", "2026-06-30", true)] // the last day counts too
    [InlineData("2026-01-01", "2026-06-30", "2026-07-01", false)] // the day after the last
    [InlineData("2026-01-01", "2026-01-01", "2026-01-01", true)] // a one-day period
    public void IsActiveOn_Day_InclusiveOfBothEnds(string from, string? to, string day, bool expected) =>
        Assert.Equal(expected, new ActivePeriod(D(from), OptionalDate(to)).IsActiveOn(D(day)));

    [Theory]
    [InlineData("2026-01-01", null, "2026-06-30", "2026-06-30")] // an open period ends on the given day
    [InlineData("2026-01-01", "2026-12-31", "2026-06-30", "2026-06-30")] // a later planned end is brought forward
    [InlineData("2026-01-01", "2026-03-31", "2026-06-30", "2026-03-31")] // already ended: deactivating again never extends
    [InlineData("2026-01-01", "2026-06-30", "2026-06-30", "2026-06-30")] // the same day: unchanged
    [InlineData("2026-07-01", null, "2026-06-30", "2026-06-30")] // the day before the first: an empty period
    [InlineData("2026-07-01", "2026-12-31", "2026-01-01", "2026-06-30")] // long before the first day: empty, not earlier
    public void EndOn_Day_EndsWithoutExtending(string from, string? to, string lastDay, string expectedTo)
    {
        var ended = new ActivePeriod(D(from), OptionalDate(to)).EndOn(D(lastDay));

        Assert.Equal(D(from), ended.From);
        Assert.Equal(D(expectedTo), ended.To);
    }

    [Fact]
    public void Constructor_ToBeforeFrom_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActivePeriod(D("2026-07-01"), D("2026-06-29")));
        Assert.Equal("to", error.ParamName);
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool EndOn_AnyPeriodAndDay_NeverExtendsAndStaysValid(DateOnly a, DateOnly b, DateOnly lastDay, bool open)
    {
        var from = a < b ? a : b;
        var period = new ActivePeriod(from, open ? null : (a < b ? b : a));

        var ended = period.EndOn(lastDay);

        var notLonger = period.To is not { } to || ended.To <= to;
        var dayBeforeFrom = from == DateOnly.MinValue ? from : from.AddDays(-1);
        var endsOnOrAfterFrom = ended.To >= dayBeforeFrom && ended.From == period.From;
        var endsAtTheLatestOnLastDay = ended.To <= (lastDay < from ? dayBeforeFrom : lastDay);
        var idempotent = ended.EndOn(lastDay) == ended;
        return notLonger && endsOnOrAfterFrom && endsAtTheLatestOnLastDay && idempotent;
    }
}
