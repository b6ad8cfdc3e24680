using Isms.Core.Availability;
using static Isms.Core.Tests.Availability.Notation;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2, issue 5: a service is down while any of its critical monitors is down. Each
// monitor is written "down/unknown", monitors separated by "|"; the window is 0..60.
public sealed class ServiceTimelineTests
{
    [Theory]
    // Two critical monitors with overlapping outages: one merged outage.
    [InlineData("10..20/ | 15..30/", "", "", "10..30", "")]
    // One monitor down while the other has no data: down (any critical monitor down).
    [InlineData("10..20/ | /5..25", "", "", "10..20", "5..10 20..25")]
    // Up on one, unknown on the other: unknown, never up.
    [InlineData("/ | /40..50", "", "", "", "40..50")]
    // A hand-recorded outage over unknown time is down: someone saw it.
    [InlineData("/30..50", "35..40", "", "35..40", "30..35 40..50")]
    // A dismissed outage (a probe-side network failure) becomes unknown, not up.
    [InlineData("10..20/", "", "10..20", "", "10..20")]
    // Dismissed over part of an outage: that part unknown, the rest still down.
    [InlineData("10..30/ | 25..40/", "", "15..20", "10..15 20..40", "15..20")]
    // A dismissal also takes back a hand-recorded outage.
    [InlineData("/", "10..20", "15..20", "10..15", "15..20")]
    // Everything is cut to the window.
    [InlineData("-10..5/55..70", "58..80", "-5..0", "0..5 58..60", "55..58")]
    public void Combine_Monitors_GiveTheServicesDownAndUnknown(string monitors, string manual, string dismissed, string down, string unknown)
    {
        var histories = monitors.Split('|').Select(monitor => monitor.Split('/')).Select(parts => new MonitorHistory(Spans(parts[0]), Spans(parts[1])));

        var service = ServiceTimeline.Combine(histories, Spans(manual), Spans(dismissed), Span(0, 60));

        Assert.Equal(down, Show(service.Down));
        Assert.Equal(unknown, Show(service.Unknown));
    }

    // With no monitors at all nothing is known, except what someone wrote down.
    [Fact]
    public void Combine_NoMonitors_IsUnknownExceptManualOutages()
    {
        var service = ServiceTimeline.Combine([], Spans("10..20"), Spans("50..55"), Span(0, 60));

        Assert.Equal("10..20", Show(service.Down));
        Assert.Equal("0..10 20..60", Show(service.Unknown));
    }

    [Fact]
    public void Combine_NullMonitor_Throws() =>
        Assert.Throws<ArgumentException>(() => ServiceTimeline.Combine([null!], [], [], Span(0, 60)));

    [Fact]
    public void MonitorHistory_DownOverlappingUnknown_Throws() =>
        Assert.Throws<ArgumentException>(() => new MonitorHistory(Spans("0..10"), Spans("5..15")));

    [Fact]
    public void MonitorHistory_Lists_AreMergedAndCompareByValue()
    {
        var history = new MonitorHistory(Spans("10..20 0..10"), Spans("30..40 20..25"));

        Assert.Equal("0..20", Show(history.Down));
        Assert.Equal("20..25 30..40", Show(history.Unknown));
        Assert.Equal(new MonitorHistory(Spans("0..20"), Spans("20..25 30..40")), history);
    }
}
