namespace Isms.Core.Availability;

/// <summary>
/// How a monitor's probes become down and unknown time (DESIGN.md §2, issue 5). The monitor is
/// down from the first of <see cref="FailuresToOpen"/> consecutive failed probes until the next
/// successful one. A probe at t speaks for the monitor during [t, t + <see cref="StaleAfter"/>),
/// or until the next probe when that comes sooner; time no probe speaks for is unknown.
/// </summary>
public sealed record MonitorRule
{
    /// <summary>The product's default: two failures in a row, so that one lost probe is no outage.</summary>
    public const int DefaultFailuresToOpen = 2;

    /// <summary>
    /// Creates the rule. <paramref name="staleAfter"/> is truncated to whole seconds and must be at
    /// least one second; it is usually a little more than the probe interval, so that a probe
    /// arriving late does not leave a sliver of unknown time.
    /// </summary>
    public MonitorRule(TimeSpan staleAfter, int failuresToOpen = DefaultFailuresToOpen)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresToOpen, 1);
        var seconds = WholeSeconds.Of(staleAfter);
        if (seconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfter), staleAfter, "A probe speaks for at least one second.");
        }

        FailuresToOpen = failuresToOpen;
        StaleAfter = TimeSpan.FromSeconds(seconds);
        StaleAfterSeconds = seconds;
    }

    /// <summary>How many consecutive failed probes make an outage; at least 1.</summary>
    public int FailuresToOpen { get; }

    /// <summary>How long a probe's result stands for the monitor when no later probe comes; whole seconds.</summary>
    public TimeSpan StaleAfter { get; }

    internal long StaleAfterSeconds { get; }
}
