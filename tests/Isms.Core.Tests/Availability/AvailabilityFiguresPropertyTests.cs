using FsCheck.Xunit;
using Isms.Core.Availability;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2, issue 5: "budget left ≥ 0 exactly when availability ≥ target".
public sealed class AvailabilityFiguresPropertyTests
{
    // For a finished period: budget left ≥ 0 ⇔ TargetMet ⇔ availability ≥ target, the last
    // decided exactly in decimal, and the double agreeing wherever it is not within 1e-12 of the
    // target (so close, only rounding could tell them apart).
    [Property(Arbitrary = [typeof(BudgetArbitraries)], MaxTest = 2_000)]
    public bool Compute_FinishedPeriod_BudgetLeftTargetMetAndAvailabilityAgree(BudgetScenario scenario)
    {
        var figures = scenario.Compute(scenario.Period.End);
        if (figures.Availability is not { } availability)
        {
            return figures.TargetMet is null && figures.UnplannedDowntimeSeconds == 0;
        }

        var denominator = figures.PeriodSeconds - (scenario.Counted ? 0 : figures.PlannedSeconds);
        var exact = 1m - ((decimal)figures.UnplannedDowntimeSeconds / denominator) >= scenario.Target;
        var doubleAgrees = Math.Abs(availability - (double)scenario.Target) < 1e-12 || (availability >= (double)scenario.Target) == exact;
        return figures.TargetMet == exact && (figures.ErrorBudgetLeftSeconds >= 0) == exact && doubleAgrees;
    }

    // Downtime at the observed rate reaches the allowed downtime at BudgetExhaustedAt and not a
    // second sooner; when it is null, not before the period ends.
    [Property(Arbitrary = [typeof(BudgetArbitraries)], MaxTest = 2_000)]
    public bool Compute_AnyNow_BudgetExhaustedAtIsWhereTheRateReachesTheBudget(BudgetScenario scenario)
    {
        var figures = scenario.Compute(scenario.Now);
        var (unplanned, allowed) = (figures.UnplannedDowntimeSeconds, figures.AllowedDowntimeSeconds);
        var skipped = scenario.Counted ? [] : Intervals.Clip(scenario.Maintenance, figures.Period);
        var observedDenominator = figures.ObservedSeconds - (scenario.Counted ? 0 : figures.PlannedSeconds);
        long Ahead(DateTimeOffset until) =>
            Intervals.TotalSeconds(Intervals.Subtract([new Interval(figures.Observed.End, until)], skipped));
        bool Reached(long ahead) => (Int128)unplanned * (observedDenominator + ahead) >= (Int128)allowed * observedDenominator;

        if (unplanned == 0 || observedDenominator == 0)
        {
            return figures.BudgetExhaustedAt is null;
        }

        if (figures.BudgetExhaustedAt is not { } at)
        {
            return !Reached(Ahead(figures.Period.End));
        }

        var within = at >= figures.Observed.End && at <= figures.Period.End;
        return unplanned >= allowed
            ? at == figures.Observed.End
            : within && Reached(Ahead(at)) && !Reached(Ahead(at.AddSeconds(-1)));
    }

    [Property(Arbitrary = [typeof(BudgetArbitraries)], MaxTest = 1_000)]
    public bool Compute_AnyNow_FiguresAreConsistent(BudgetScenario scenario)
    {
        var figures = scenario.Compute(scenario.Now);
        var denominator = figures.ObservedSeconds - (scenario.Counted ? 0 : figures.PlannedSeconds);
        return figures.UnplannedDowntimeSeconds + figures.UnknownSeconds <= denominator
            && figures.Observed.End <= figures.Period.End && figures.Observed.Start == figures.Period.Start
            && Intervals.TotalSeconds(figures.DowntimeIntervals) == figures.UnplannedDowntimeSeconds
            && figures.Outages == figures.DowntimeIntervals.Count
            && (figures.WorstCaseAvailability is null || figures.Availability is null || figures.WorstCaseAvailability <= figures.Availability)
            && (figures.ProjectedDowntimeSeconds is null || figures.ProjectedDowntimeSeconds >= figures.UnplannedDowntimeSeconds)
            && figures.ErrorBudgetLeftSeconds == figures.AllowedDowntimeSeconds - figures.UnplannedDowntimeSeconds;
    }
}
