using Isms.Core.Calendars;
using Isms.Core.Incidents;

namespace Isms.Core.Tests.Incidents;

/// The deadlines of issue 6, counted from the awareness time in the agency's zone.
public sealed class IncidentDeadlinesTests
{
    private static readonly TimeSpan Taipei = TimeSpan.FromHours(8);
    private static readonly AgencyTime Agency = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));

    [Theory]
    // Aware at 23:30 on New Year's Eve: the report is due in the new year, recovery 72 h or 36 h later.
    [InlineData(1, "2026-12-31T23:30:00+08:00", "2027-01-01T00:30:00+08:00", "2027-01-03T23:30:00+08:00")]
    [InlineData(2, "2026-12-31T23:30:00+08:00", "2027-01-01T00:30:00+08:00", "2027-01-03T23:30:00+08:00")]
    [InlineData(3, "2026-12-31T23:30:00+08:00", "2027-01-01T00:30:00+08:00", "2027-01-02T11:30:00+08:00")]
    [InlineData(4, "2026-06-15T08:10:00+08:00", "2026-06-15T09:10:00+08:00", "2026-06-16T20:10:00+08:00")]
    public void Deadlines_FromAwareness(int level, string aware, string reportBy, string recoverBy)
    {
        var deadlines = IncidentDeadlines.For(level, DateTimeOffset.Parse(aware), null, DeadlineRules.Default, Agency);
        Assert.Equal(DateTimeOffset.Parse(reportBy), deadlines.ReportBy);
        Assert.Equal(DateTimeOffset.Parse(recoverBy), deadlines.RecoverBy);
        Assert.Null(deadlines.ImprovementReportBy);
    }

    [Theory]
    [InlineData("2026-03-10T14:00:00+08:00", "2026-04-10T14:00:00+08:00")]
    // A month after 31 January is the last day of February.
    [InlineData("2026-01-31T09:00:00+08:00", "2026-02-28T09:00:00+08:00")]
    // After 23:00 Taipei on 31 December (15:00 UTC): the Taipei month counts, not the UTC one.
    [InlineData("2026-12-31T23:00:00+08:00", "2027-01-31T23:00:00+08:00")]
    public void ImprovementReport_ACalendarMonthAfterRecovery(string recovered, string due)
    {
        var deadlines = IncidentDeadlines.For(2, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Taipei), DateTimeOffset.Parse(recovered), DeadlineRules.Default, Agency);
        Assert.Equal(DateTimeOffset.Parse(due), deadlines.ImprovementReportBy);
    }

    [Fact]
    public void Rules_Configured_AreUsed()
    {
        var rules = new DeadlineRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(48), TimeSpan.FromHours(24), 2);
        var aware = new DateTimeOffset(2026, 5, 1, 10, 0, 0, Taipei);
        var deadlines = IncidentDeadlines.For(3, aware, aware.AddHours(5), rules, Agency);
        Assert.Equal((aware.AddMinutes(30), aware.AddHours(24), new DateTimeOffset(2026, 7, 1, 15, 0, 0, Taipei)),
            (deadlines.ReportBy, deadlines.RecoverBy, deadlines.ImprovementReportBy!.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => IncidentDeadlines.For(5, aware, null, rules, Agency));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRules(TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(1), 1));
    }
}
