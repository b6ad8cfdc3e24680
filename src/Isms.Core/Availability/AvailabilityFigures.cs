namespace Isms.Core.Availability;

/// <summary>
/// A service's availability over a period, its error budget and where the current rate leads
/// (policy IV.C.1.a, DESIGN.md §2, issue 5). Availability = 1 − unplanned downtime / (period −
/// planned maintenance); budget left = (1 − target) × (period − planned maintenance) − unplanned
/// downtime, so that the budget left is not negative exactly when the target is met. Time with no
/// data is reported as unknown, never counted as up. All figures are whole seconds.
/// </summary>
/// <remarks>
/// Only the observed part of the period counts towards what happened: [period start,
/// min(period end, now)); the future is not known yet. The allowed downtime is that of the whole
/// period, so an ongoing year shows how much of the year's budget is spent. When maintenance
/// counts as downtime it is downtime like any other and stays in the denominator; otherwise it is
/// taken out of both.
/// </remarks>
public sealed partial record AvailabilityFigures
{
    private AvailabilityFigures()
    {
    }

    /// <summary>The whole period.</summary>
    public Interval Period { get; private init; }

    /// <summary>The part of the period up to now: [period start, min(period end, now)); empty before the period.</summary>
    public Interval Observed { get; private init; }

    /// <summary>The length of the whole period.</summary>
    public long PeriodSeconds { get; private init; }

    /// <summary>The length of the observed part.</summary>
    public long ObservedSeconds { get; private init; }

    /// <summary>Planned maintenance in the observed part, whether or not it counts as downtime.</summary>
    public long PlannedSeconds { get; private init; }

    /// <summary>The downtime counted: the service's down time in the observed part, less maintenance, or with it when maintenance counts.</summary>
    public long UnplannedDowntimeSeconds { get; private init; }

    /// <summary>Time in the observed part with no data, outside maintenance and downtime.</summary>
    public long UnknownSeconds { get; private init; }

    /// <summary>The downtime counted, as merged intervals within the observed part.</summary>
    public IReadOnlyList<Interval> DowntimeIntervals { get; private init; } = IntervalSet.Empty;

    /// <summary>
    /// The number of downtime intervals. Outages that touch count as one; one that maintenance
    /// (not counted) cuts in two counts as two; one still going on counts up to now.
    /// </summary>
    public int Outages { get; private init; }

    /// <summary>Downtime divided by <see cref="Outages"/>, rounded down; null when there was none.</summary>
    public long? MeanTimeToRestoreSeconds { get; private init; }

    /// <summary>
    /// 1 − downtime / (observed − maintenance, when maintenance does not count). Null when that is
    /// zero or all of it is unknown: 100 % for a period without data would count unknown as up.
    /// </summary>
    public double? Availability { get; private init; }

    /// <summary>Availability with the unknown time counted as down; null when the denominator is zero.</summary>
    public double? WorstCaseAvailability { get; private init; }

    /// <summary>(1 − target) × (period − its maintenance, when maintenance does not count), rounded down.</summary>
    public long AllowedDowntimeSeconds { get; private init; }

    /// <summary>Allowed less counted downtime; negative once the budget is overspent.</summary>
    public long ErrorBudgetLeftSeconds { get; private init; }

    /// <summary>
    /// True when the observed availability reaches the target, decided exactly on whole seconds
    /// and decimals, never on the rounded <see cref="Availability"/>; for a finished period it is
    /// true exactly when <see cref="ErrorBudgetLeftSeconds"/> is not negative. Null when
    /// <see cref="Availability"/> is.
    /// </summary>
    public bool? TargetMet { get; private init; }

    /// <summary>
    /// The downtime over the whole period if it goes on at the observed rate (per second of
    /// denominator), rounded down; null when the observed denominator is zero.
    /// </summary>
    public long? ProjectedDowntimeSeconds { get; private init; }

    /// <summary>The availability the projected downtime gives for the whole period; null when <see cref="Availability"/> is.</summary>
    public double? ProjectedAvailability { get; private init; }

    /// <summary>
    /// The first whole second at which downtime going on at the observed rate reaches the allowed
    /// downtime, skipping maintenance that does not count; the observed end when the budget is
    /// already used up by downtime; null when there was no downtime or the budget lasts the period.
    /// Maintenance still ahead that counts as downtime is not added: the projection is the
    /// observed rate alone.
    /// </summary>
    public DateTimeOffset? BudgetExhaustedAt { get; private init; }
}
