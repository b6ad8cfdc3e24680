using Isms.Core.Availability;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

// Issue 5: burn-rate alerts on the error budget, over several windows at once.
public sealed class BurnRateTests
{
    // Seconds after T0; the window is the hour [0, 3,600) at 99 %.
    [Theory]
    [InlineData(0, 0, 0.0)] // nothing down
    [InlineData(0, 3_600, 100.0)] // down the whole hour: a hundred times the allowed rate
    [InlineData(1_800, 1_836, 1.0)] // 36 s in an hour is exactly the 1 % allowed
    [InlineData(-1_800, 360, 10.0)] // only the part inside the window counts
    public void Of_DowntimeInAnHour_IsItsShareOverTheAllowedShare(int downFrom, int downTo, double expected)
    {
        var history = new MonitorHistory([new Interval(T0.AddSeconds(downFrom), T0.AddSeconds(downTo))], []);

        Assert.Equal(expected, BurnRate.Of(history, Span(0, 60), 0.99m));
    }

    [Fact]
    public void Of_UnknownTime_IsNotBurnt() => Assert.Equal(0.0, BurnRate.Of(new MonitorHistory([], Spans("0..60")), Span(0, 60), 0.99m));

    [Fact]
    public void Of_EmptyWindow_IsZero() => Assert.Equal(0.0, BurnRate.Of(new MonitorHistory(Spans("0..60"), []), Span(5, 5), 0.99m));

    [Fact]
    public void Defaults_BurnWindows_AreAnHourAt14Point4AndSixHoursAt6() =>
        Assert.Equal([new(TimeSpan.FromHours(1), 14.4), new(TimeSpan.FromHours(6), 6.0)], BurnWindow.Defaults);

    // Now is minute 360; the defaults at 99 %: the last hour fires at 518.4 s down, the last six
    // hours at 1,296 s (6 × 1 % of 21,600).
    [Theory]
    [InlineData(519, 777, true)] // 14.42 in the hour, 1,296 s = exactly 6.0 over six hours: fires at the threshold
    [InlineData(519, 776, false)] // the six hours are a second short
    [InlineData(518, 2_000, false)] // the hour is short: 14.39
    [InlineData(0, 5_000, false)] // an old outage alone does not fire
    [InlineData(3_600, 0, true)] // down all of the last hour: 100 and 16.7
    public void Evaluate_DefaultWindows_FiresOnlyWhenEveryWindowIsAtOrAbove(int lastHourSeconds, int earlierSeconds, bool fires)
    {
        var now = At(360);
        var history = new MonitorHistory(
            [new Interval(now.AddSeconds(-lastHourSeconds), now), new Interval(At(10), At(10).AddSeconds(earlierSeconds))], []);

        var alert = BurnRateAlert.Evaluate(history, now, 0.99m, BurnWindow.Defaults);

        Assert.Equal(fires, alert.Fires);
        Assert.Equal(BurnWindow.Defaults, alert.Rates.Select(r => r.Window));
        Assert.Equal(lastHourSeconds / 36.0, alert.Rates[0].Rate, 9);
        Assert.Equal((lastHourSeconds + earlierSeconds) / 216.0, alert.Rates[1].Rate, 9);
    }

    [Fact]
    public void Evaluate_NoWindows_Throws() =>
        Assert.Throws<ArgumentException>(() => BurnRateAlert.Evaluate(new MonitorHistory([], []), At(0), 0.99m, []));

    [Theory]
    [InlineData(0.5, 1.0)] // shorter than a second
    [InlineData(60, 0.0)] // a threshold of zero would always fire
    [InlineData(60, double.NaN)]
    public void BurnWindow_Invalid_Throws(double seconds, double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurnWindow(TimeSpan.FromSeconds(seconds), threshold));
}
