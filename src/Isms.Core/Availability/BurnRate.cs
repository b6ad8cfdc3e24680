namespace Isms.Core.Availability;

/// <summary>
/// How fast a service spends its error budget: the share of a window it was down, divided by the
/// share the target allows. At 1 the budget lasts exactly the period; at 14.4 a yearly budget is
/// gone in about 25 days.
/// </summary>
public static class BurnRate
{
    /// <summary>
    /// (downtime in <paramref name="window"/> / window seconds) / (1 − <paramref name="target"/>);
    /// 0 for an empty window. Unknown time is not counted: a burn rate pages people, and a silent
    /// probe is reported as unknown, not as an outage.
    /// </summary>
    public static double Of(MonitorHistory service, Interval window, decimal target)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (target is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target is a fraction between 0 and 1, such as 0.99.");
        }

        if (window.IsEmpty)
        {
            return 0;
        }

        // In decimal, so that a rate exactly at a threshold compares as equal to it.
        var down = Intervals.ClipSet(Intervals.Set(service.Down), window).TotalSeconds();
        return (double)(down / (window.Seconds * (1m - target)));
    }
}
