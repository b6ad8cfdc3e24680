using System.Globalization;
using Isms.Core.Availability;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Availability;

// Policy IV.C.1.a, DESIGN.md §2, issue 5: availability = 1 − unplanned downtime / (period −
// planned maintenance), error budget = (1 − target) × (period − planned maintenance) − unplanned
// downtime, unknown time reported apart. Every number is written out by hand. Instants are
// Taipei local time.
public sealed class AvailabilityFiguresTests
{
    private static readonly AgencyTime Taipei = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"));
    private static readonly Interval Year2026 = Taipei.Year(2026);
    private static readonly DateTimeOffset After2026 = Local("2027-01-05 00:00");

    // 1 h + 1.5 h + 2.5 h = 5 h = 18,000 s of outages in 2026, and 4 h = 14,400 s of maintenance apart from them.
    private static readonly Interval[] ThreeOutages =
        [Span("2026-03-10 02:00", "2026-03-10 03:00"), Span("2026-06-15 10:00", "2026-06-15 11:30"), Span("2026-11-20 22:00", "2026-11-21 00:30")];

    private static readonly Interval[] FourHoursMaintenance = [Span("2026-08-01 00:00", "2026-08-01 04:00")];

    [Fact]
    public void Compute_YearWithMaintenanceExcluded_TakesItOutOfTheDenominator()
    {
        var figures = AvailabilityFigures.Compute(new MonitorHistory(ThreeOutages, []), FourHoursMaintenance, Year2026, After2026, 0.99m, false);

        Assert.Equal(31_536_000, figures.PeriodSeconds); // 365 × 86,400
        Assert.Equal(31_536_000, figures.ObservedSeconds);
        Assert.Equal(14_400, figures.PlannedSeconds);
        Assert.Equal(18_000, figures.UnplannedDowntimeSeconds);
        Assert.Equal(0, figures.UnknownSeconds);
        Assert.Equal(3, figures.Outages);
        Assert.Equal(6_000, figures.MeanTimeToRestoreSeconds); // 18,000 / 3
        Assert.Equal(1 - (18_000.0 / 31_521_600), figures.Availability); // 0.99942896…
        Assert.Equal(figures.Availability, figures.WorstCaseAvailability);
        Assert.Equal(315_216, figures.AllowedDowntimeSeconds); // 1 % of 31,536,000 − 14,400
        Assert.Equal(297_216, figures.ErrorBudgetLeftSeconds); // 315,216 − 18,000
        Assert.True(figures.TargetMet);
        Assert.Equal(18_000, figures.ProjectedDowntimeSeconds); // a finished period projects to itself
        Assert.Equal(figures.Availability, figures.ProjectedAvailability);
        Assert.Null(figures.BudgetExhaustedAt);
        Assert.Equal(ThreeOutages, figures.DowntimeIntervals);
    }

    [Fact]
    public void Compute_YearWithMaintenanceCounted_CountsItAsDowntime()
    {
        var figures = AvailabilityFigures.Compute(new MonitorHistory(ThreeOutages, []), FourHoursMaintenance, Year2026, After2026, 0.99m, true);

        Assert.Equal(14_400, figures.PlannedSeconds); // still reported
        Assert.Equal(32_400, figures.UnplannedDowntimeSeconds); // 18,000 + 14,400
        Assert.Equal(4, figures.Outages);
        Assert.Equal(8_100, figures.MeanTimeToRestoreSeconds);
        Assert.Equal(1 - (32_400.0 / 31_536_000), figures.Availability); // 0.99897260…
        Assert.Equal(315_360, figures.AllowedDowntimeSeconds); // 87.6 h: 1 % of the whole year
        Assert.Equal(282_960, figures.ErrorBudgetLeftSeconds); // 315,360 − 32,400
    }

    [Fact]
    public void Compute_YearWithoutMaintenance_HasTheWholeYearsBudget()
    {
        var figures = AvailabilityFigures.Compute(new MonitorHistory(ThreeOutages, []), [], Year2026, After2026, 0.99m, false);

        Assert.Equal(315_360, figures.AllowedDowntimeSeconds);
        Assert.Equal(297_360, figures.ErrorBudgetLeftSeconds); // 315,360 − 18,000
        Assert.Equal(1 - (18_000.0 / 31_536_000), figures.Availability);
    }

    [Theory]
    [InlineData(false, 3_600, 1)] // excluded: only 02:00–03:00 counts, the hour under maintenance does not
    [InlineData(true, 10_800, 1)] // counted: 02:00–05:00, one interval
    public void Compute_MaintenanceOverlappingAnOutage_IsNotCountedTwice(bool counted, long downtime, int outages)
    {
        var outage = Span("2026-03-10 02:00", "2026-03-10 04:00");
        var maintenance = Span("2026-03-10 03:00", "2026-03-10 05:00");

        var figures = AvailabilityFigures.Compute(new MonitorHistory([outage], []), [maintenance], Year2026, After2026, 0.99m, counted);

        Assert.Equal(7_200, figures.PlannedSeconds);
        Assert.Equal(downtime, figures.UnplannedDowntimeSeconds);
        Assert.Equal(outages, figures.Outages);
    }

    // Unknown time is reported apart and never counted as up: the worst case counts it as down.
    [Fact]
    public void Compute_UnknownTime_IsReportedApartAndOutsideMaintenance()
    {
        var unknown = Span("2026-05-01 00:00", "2026-05-11 00:00"); // 864,000 s, with the maintenance inside it
        var maintenance = Span("2026-05-05 00:00", "2026-05-05 04:00");
        var history = new MonitorHistory([Span("2026-02-01 00:00", "2026-02-01 01:00")], [unknown]);

        var figures = AvailabilityFigures.Compute(history, [maintenance], Year2026, After2026, 0.99m, false);

        Assert.Equal(849_600, figures.UnknownSeconds); // 864,000 − 14,400
        Assert.Equal(3_600, figures.UnplannedDowntimeSeconds);
        Assert.Equal(1 - (3_600.0 / 31_521_600), figures.Availability);
        Assert.Equal(1 - (853_200.0 / 31_521_600), figures.WorstCaseAvailability); // 3,600 + 849,600 counted as down
    }

    // DESIGN.md §2: a period with no probe data must not show 100 %.
    [Fact]
    public void Compute_PeriodWithNoData_HasNoAvailability()
    {
        var figures = AvailabilityFigures.Compute(new MonitorHistory([], [Year2026]), [], Year2026, After2026, 0.99m, false);

        Assert.Equal(31_536_000, figures.UnknownSeconds);
        Assert.Null(figures.Availability);
        Assert.Null(figures.TargetMet);
        Assert.Null(figures.ProjectedAvailability);
        Assert.Equal(0, figures.WorstCaseAvailability);
        Assert.Equal(315_360, figures.AllowedDowntimeSeconds);
        Assert.Equal(0, figures.Outages);
        Assert.Null(figures.MeanTimeToRestoreSeconds);
        Assert.Null(figures.BudgetExhaustedAt);
    }

    [Fact]
    public void Compute_LeapYear2028_HasADayMoreOfBudget()
    {
        var year = Taipei.Year(2028);

        var figures = AvailabilityFigures.Compute(new MonitorHistory([], []), [], year, Local("2029-01-01 00:00"), 0.99m, false);

        Assert.Equal(31_622_400, figures.PeriodSeconds); // 366 × 86,400
        Assert.Equal(316_224, figures.AllowedDowntimeSeconds);
        Assert.Equal(1.0, figures.Availability);
    }

    // An ongoing year: only the observed part counts, the budget is the whole year's, and the
    // current rate (200,000 s in 182 days) would spend it on 14 October.
    [Fact]
    public void Compute_OngoingYear_ObservesUpToNowAndProjects()
    {
        var outage = new Interval(Local("2026-02-01 00:00"), Local("2026-02-01 00:00").AddSeconds(200_000));
        var now = Local("2026-07-02 00:00");

        var figures = AvailabilityFigures.Compute(new MonitorHistory([outage], []), [], Year2026, now, 0.99m, false);

        Assert.Equal(new Interval(Year2026.Start, now), figures.Observed);
        Assert.Equal(15_724_800, figures.ObservedSeconds); // 182 days
        Assert.Equal(1 - (200_000.0 / 15_724_800), figures.Availability); // 0.98728…
        Assert.False(figures.TargetMet); // 200,000 > 157,248, 1 % of the observed part
        Assert.Equal(315_360, figures.AllowedDowntimeSeconds);
        Assert.Equal(115_360, figures.ErrorBudgetLeftSeconds);
        Assert.Equal(401_098, figures.ProjectedDowntimeSeconds); // ⌊200,000 × 31,536,000 / 15,724,800⌋
        Assert.Equal(1 - (401_098.0 / 31_536_000), figures.ProjectedAvailability);
        // ⌈115,360 × 15,724,800 / 200,000⌉ = 9,070,065 s after 2026-07-01T16:00Z.
        Assert.Equal(DateTimeOffset.Parse("2026-10-14T15:27:45Z", CultureInfo.InvariantCulture), figures.BudgetExhaustedAt);
    }

    // Future maintenance that does not count is skipped by the projection: 4 h later, and the
    // year's budget is 144 s smaller (1 % of 14,400).
    [Fact]
    public void Compute_OngoingYearWithMaintenanceAhead_SkipsItWhenProjecting()
    {
        var outage = new Interval(Local("2026-02-01 00:00"), Local("2026-02-01 00:00").AddSeconds(200_000));

        var figures = AvailabilityFigures.Compute(new MonitorHistory([outage], []), FourHoursMaintenance, Year2026, Local("2026-07-02 00:00"), 0.99m, false);

        Assert.Equal(0, figures.PlannedSeconds); // not observed yet
        Assert.Equal(315_216, figures.AllowedDowntimeSeconds);
        // ⌈115,216 × 15,724,800 / 200,000⌉ = 9,058,743 s of denominator, plus the 14,400 s skipped.
        Assert.Equal(DateTimeOffset.Parse("2026-10-14T16:19:03Z", CultureInfo.InvariantCulture), figures.BudgetExhaustedAt);
    }

    [Fact]
    public void Compute_BudgetAlreadySpent_IsExhaustedAtTheObservedEnd()
    {
        var now = Local("2026-03-01 00:00");
        var outage = Span("2026-02-01 00:00", "2026-02-05 00:00"); // 345,600 s > 315,360

        var figures = AvailabilityFigures.Compute(new MonitorHistory([outage], []), [], Year2026, now, 0.99m, false);

        Assert.Equal(-30_240, figures.ErrorBudgetLeftSeconds);
        Assert.Equal(now, figures.BudgetExhaustedAt);
    }

    [Fact]
    public void Compute_OutageStillGoingOn_CountsUpToNow()
    {
        var now = Local("2026-07-01 12:30");

        var figures = AvailabilityFigures.Compute(new MonitorHistory([Span("2026-07-01 12:00", "2026-07-01 13:00")], []), [], Year2026, now, 0.99m, false);

        Assert.Equal(1_800, figures.UnplannedDowntimeSeconds);
        Assert.Equal(now, figures.DowntimeIntervals.Single().End);
    }

    [Fact]
    public void Compute_NowBeforeThePeriod_ObservesNothing()
    {
        var figures = AvailabilityFigures.Compute(new MonitorHistory(ThreeOutages, []), FourHoursMaintenance, Year2026, Local("2025-06-01 00:00"), 0.99m, false);

        Assert.True(figures.Observed.IsEmpty);
        Assert.Equal(Year2026.Start, figures.Observed.Start);
        Assert.Equal(0, figures.UnplannedDowntimeSeconds);
        Assert.Null(figures.Availability);
        Assert.Null(figures.WorstCaseAvailability);
        Assert.Null(figures.ProjectedDowntimeSeconds);
        Assert.Null(figures.TargetMet);
        Assert.Null(figures.BudgetExhaustedAt);
        Assert.Equal(315_216, figures.AllowedDowntimeSeconds); // the budget is the whole period's
    }

    // DESIGN.md §2: budget left ≥ 0 exactly when availability ≥ target, to the second.
    [Theory]
    [InlineData(315_359, 1, true)]
    [InlineData(315_360, 0, true)] // exactly 99 %
    [InlineData(315_361, -1, false)]
    public void Compute_DowntimeAtTheBudget_MeetsTheTargetUpToTheLastSecond(long downtime, long left, bool met)
    {
        var outage = new Interval(Year2026.Start, Year2026.Start.AddSeconds(downtime));

        var figures = AvailabilityFigures.Compute(new MonitorHistory([outage], []), [], Year2026, After2026, 0.99m, false);

        Assert.Equal(left, figures.ErrorBudgetLeftSeconds);
        Assert.Equal(met, figures.TargetMet);
        Assert.Equal(met, 1m - ((decimal)downtime / 31_536_000) >= 0.99m);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.01")]
    [InlineData("99")] // a percentage, not a fraction
    public void Compute_TargetNotAFraction_Throws(string target) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AvailabilityFigures.Compute(
            new MonitorHistory([], []), [], Year2026, After2026, decimal.Parse(target, CultureInfo.InvariantCulture), false));

    private static DateTimeOffset Local(string text) =>
        DateTimeOffset.ParseExact($"{text} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static Interval Span(string from, string to) => new(Local(from), Local(to));
}
