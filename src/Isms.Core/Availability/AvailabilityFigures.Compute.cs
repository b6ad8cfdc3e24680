namespace Isms.Core.Availability;

public sealed partial record AvailabilityFigures
{
    /// <summary>
    /// The figures of <paramref name="service"/> over <paramref name="period"/> as known at
    /// <paramref name="now"/> (truncated to the second). <paramref name="target"/> is a fraction
    /// strictly between 0 and 1, such as 0.99.
    /// </summary>
    public static AvailabilityFigures Compute(
        MonitorHistory service, IEnumerable<Interval> maintenance, Interval period, DateTimeOffset now, decimal target, bool maintenanceCountsAsDowntime)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(maintenance);
        CheckTarget(target);
        var observed = new Interval(period.StartSecond, Math.Clamp(WholeSeconds.Of(now), period.StartSecond, period.EndSecond));

        var planned = Intervals.ClipSet(Intervals.Set(maintenance), period);
        var plannedObserved = Intervals.ClipSet(planned, observed);
        var down = Intervals.ClipSet(Intervals.Set(service.Down), observed);
        var counted = Intervals.Set(maintenanceCountsAsDowntime ? Intervals.Union(down, plannedObserved) : Intervals.Subtract(down, plannedObserved));
        var unknown = Intervals.Subtract(Intervals.ClipSet(Intervals.Set(service.Unknown), observed), Intervals.Union(plannedObserved, counted));

        var (plannedSeconds, unplanned, unknownSeconds) = (plannedObserved.TotalSeconds(), counted.TotalSeconds(), Intervals.TotalSeconds(unknown));
        var fullDenominator = period.Seconds - (maintenanceCountsAsDowntime ? 0 : planned.TotalSeconds());
        var observedDenominator = observed.Seconds - (maintenanceCountsAsDowntime ? 0 : plannedSeconds);
        var known = observedDenominator - unknownSeconds;
        var allowed = AllowedDowntime(target, fullDenominator);
        long? projected = observedDenominator > 0 ? (long)((Int128)unplanned * fullDenominator / observedDenominator) : null;

        return new AvailabilityFigures
        {
            Period = period,
            Observed = observed,
            PeriodSeconds = period.Seconds,
            ObservedSeconds = observed.Seconds,
            PlannedSeconds = plannedSeconds,
            UnplannedDowntimeSeconds = unplanned,
            UnknownSeconds = unknownSeconds,
            DowntimeIntervals = counted,
            Outages = counted.Count,
            MeanTimeToRestoreSeconds = counted.Count > 0 ? unplanned / counted.Count : null,
            Availability = known > 0 ? 1.0 - ((double)unplanned / observedDenominator) : null,
            WorstCaseAvailability = observedDenominator > 0 ? 1.0 - ((double)(unplanned + unknownSeconds) / observedDenominator) : null,
            AllowedDowntimeSeconds = allowed,
            ErrorBudgetLeftSeconds = allowed - unplanned,
            // 1 − u/d ≥ target ⇔ u ≤ (1 − target) × d ⇔ u ≤ ⌊(1 − target) × d⌋ for whole seconds u: the budget's own test.
            TargetMet = known > 0 ? unplanned <= AllowedDowntime(target, observedDenominator) : null,
            ProjectedDowntimeSeconds = projected,
            ProjectedAvailability = known > 0 && projected is { } total ? 1.0 - ((double)total / fullDenominator) : null,
            BudgetExhaustedAt = ExhaustedAt(unplanned, allowed, observedDenominator, observed, period, maintenanceCountsAsDowntime ? IntervalSet.Empty : planned),
        };
    }

    private static void CheckTarget(decimal target)
    {
        if (target is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target is a fraction between 0 and 1, such as 0.99.");
        }
    }

    private static long AllowedDowntime(decimal target, long denominator) => (long)decimal.Floor((1m - target) * denominator);

    // At the observed rate u / d per second of denominator, the budget left (a − u) lasts
    // (a − u) × d / u more seconds of denominator, rounded up to the second that reaches it; those
    // seconds are counted from the observed end, skipping maintenance that is taken out.
    private static DateTimeOffset? ExhaustedAt(long unplanned, long allowed, long observedDenominator, Interval observed, Interval period, IntervalSet skipped)
    {
        if (unplanned == 0 || observedDenominator == 0)
        {
            return null;
        }

        if (unplanned >= allowed)
        {
            return observed.End;
        }

        var needed = (long)((((Int128)(allowed - unplanned) * observedDenominator) + unplanned - 1) / unplanned);
        foreach (var ahead in Intervals.Subtract([new Interval(observed.EndSecond, period.EndSecond)], skipped))
        {
            if (needed <= ahead.Seconds)
            {
                return WholeSeconds.At(ahead.StartSecond + needed);
            }

            needed -= ahead.Seconds;
        }

        return null;
    }
}
