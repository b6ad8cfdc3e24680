namespace Isms.Core.Availability;

/// <summary>
/// A multi-window burn-rate alert: it fires only when every window, each ending now, burns at or
/// above its threshold, so that a short spike alone does not page and an alert stops soon after
/// recovery.
/// </summary>
public sealed record BurnRateAlert
{
    private BurnRateAlert(IReadOnlyList<BurnWindowRate> rates)
    {
        Rates = rates;
        Fires = rates.All(rate => rate.AtOrAboveThreshold);
    }

    /// <summary>The rate of each window, in the order the windows were given.</summary>
    public IReadOnlyList<BurnWindowRate> Rates { get; }

    /// <summary>True when every window's rate is at or above its threshold.</summary>
    public bool Fires { get; }

    /// <summary>
    /// Evaluates the windows (usually <see cref="BurnWindow.Defaults"/>) at <paramref name="now"/>,
    /// truncated to the second; each window is [now − length, now).
    /// </summary>
    public static BurnRateAlert Evaluate(MonitorHistory service, DateTimeOffset now, decimal target, IReadOnlyList<BurnWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            // Every one of no windows is above its threshold: an alert without windows would always fire.
            throw new ArgumentException("A burn-rate alert needs at least one window.", nameof(windows));
        }

        var end = WholeSeconds.Of(now);
        var earliest = WholeSeconds.Of(DateTimeOffset.MinValue);
        return new BurnRateAlert([.. windows.Select(window =>
        {
            var span = new Interval(Math.Max(earliest, end - WholeSeconds.Of(window.Length)), end);
            return new BurnWindowRate(window, BurnRate.Of(service, span, target));
        })]);
    }
}

/// <summary>One window's burn rate in a <see cref="BurnRateAlert"/>.</summary>
/// <param name="Window">The window.</param>
/// <param name="Rate">Its burn rate now.</param>
public readonly record struct BurnWindowRate(BurnWindow Window, double Rate)
{
    /// <summary>True when the rate reaches the window's threshold.</summary>
    public bool AtOrAboveThreshold => Rate >= Window.Threshold;
}
