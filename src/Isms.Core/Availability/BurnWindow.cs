namespace Isms.Core.Availability;

/// <summary>
/// One window of a burn-rate alert: how far back from now to look, and the burn rate at or above
/// which the window agrees to alert.
/// </summary>
public readonly record struct BurnWindow
{
    /// <summary>Creates the window; its length is truncated to whole seconds and must be at least one second.</summary>
    public BurnWindow(TimeSpan length, double threshold)
    {
        var seconds = WholeSeconds.Of(length);
        if (seconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A burn window is at least one second long.");
        }

        if (!double.IsFinite(threshold) || threshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A burn-rate threshold is a positive number.");
        }

        Length = TimeSpan.FromSeconds(seconds);
        Threshold = threshold;
    }

    /// <summary>How far back from now the window reaches, whole seconds.</summary>
    public TimeSpan Length { get; }

    /// <summary>The burn rate at or above which this window alerts.</summary>
    public double Threshold { get; }

    /// <summary>
    /// The product's default pair: the last hour at 14.4 and the last six hours at 6. A rate r
    /// spends a year's budget in 365 / r days: about 25 days at 14.4 and 61 days at 6, fast enough
    /// that waiting for the monthly report would lose a large part of the year's budget. The long
    /// window keeps a single bad minute from paging anyone, the short one lets the alert stop soon
    /// after the service recovers.
    /// </summary>
    public static IReadOnlyList<BurnWindow> Defaults { get; } = [new(TimeSpan.FromHours(1), 14.4), new(TimeSpan.FromHours(6), 6.0)];
}
