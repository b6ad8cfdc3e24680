using Isms.Core.Availability;

namespace Isms.Web.Features.Availability;

public sealed record IntervalResponse(DateTimeOffset Start, DateTimeOffset End, long Seconds)
{
    public static IntervalResponse Of(Interval i) => new(i.Start, i.End, i.Seconds);
}

/// A service's figures over a period (DESIGN.md §2): `availability` is a fraction, null when nothing
/// at all is known of the period; `errorBudgetSeconds` is the budget left (negative once overspent).
public sealed record ServiceFiguresResponse(
    int Id, string Name, string? NameZh, decimal Target, ServiceState State,
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset ObservedTo, long PeriodSeconds,
    double? Availability, double? WorstCaseAvailability, bool? TargetMet,
    long UnplannedDowntimeSeconds, long PlannedSeconds, long UnknownSeconds,
    long AllowedDowntimeSeconds, long ErrorBudgetSeconds,
    int OutageCount, long? MeanTimeToRestoreSeconds,
    long? ProjectedDowntimeSeconds, double? ProjectedAvailability, DateTimeOffset? BudgetExhaustedAt,
    IReadOnlyList<IntervalResponse> OutageIntervals)
{
    public static ServiceFiguresResponse Of(ServiceRecord record, AvailabilityFigures f) => new(
        record.Service.Id, record.Service.Name, record.Service.NameZh, ServiceResponse.Plain(record.Service.Target), record.State,
        f.Period.Start, f.Period.End, f.Observed.End, f.PeriodSeconds,
        f.Availability, f.WorstCaseAvailability, f.TargetMet,
        f.UnplannedDowntimeSeconds, f.PlannedSeconds, f.UnknownSeconds,
        f.AllowedDowntimeSeconds, f.ErrorBudgetLeftSeconds,
        f.Outages, f.MeanTimeToRestoreSeconds,
        f.ProjectedDowntimeSeconds, f.ProjectedAvailability, f.BudgetExhaustedAt,
        f.DowntimeIntervals.Select(IntervalResponse.Of).ToList());
}
