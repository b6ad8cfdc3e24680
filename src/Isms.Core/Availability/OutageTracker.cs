namespace Isms.Core.Availability;

/// <summary>
/// The rule of <see cref="MonitorTimeline"/> taken one probe at a time, as the probe engine sees
/// them (DESIGN.md §2, issue 5): an outage opens at the probe that makes a run of failures reach
/// <see cref="MonitorRule.FailuresToOpen"/>, dated back to the run's first failure, and closes at
/// the next successful probe. Immutable: <see cref="Next"/> returns the following state. The
/// engine stores the properties and brings the tracker back with <see cref="Restore"/>.
/// </summary>
public sealed record OutageTracker
{
    private OutageTracker(MonitorRule rule, int consecutiveFailures, DateTimeOffset? firstFailureAt, bool isDown, DateTimeOffset? lastSampleAt)
    {
        Rule = rule;
        ConsecutiveFailures = consecutiveFailures;
        FirstFailureAt = firstFailureAt;
        IsDown = isDown;
        LastSampleAt = lastSampleAt;
    }

    /// <summary>The rule the tracker applies.</summary>
    public MonitorRule Rule { get; }

    /// <summary>True while an outage is open.</summary>
    public bool IsDown { get; }

    /// <summary>The failed probes since the last success.</summary>
    public int ConsecutiveFailures { get; }

    /// <summary>The first failure of the current run; null when the last probe succeeded.</summary>
    public DateTimeOffset? FirstFailureAt { get; }

    /// <summary>The last probe taken in; a sample before it is refused.</summary>
    public DateTimeOffset? LastSampleAt { get; }

    /// <summary>A tracker that has seen no probe.</summary>
    public static OutageTracker Start(MonitorRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new OutageTracker(rule, 0, null, false, null);
    }

    /// <summary>
    /// Brings back a stored tracker. The state must be one some sequence of probes could leave:
    /// a first failure exactly when there are failures, failures while down, and no failure after
    /// the last sample. The rule may have changed since it was stored: an open outage stays open
    /// until a success, and a run already as long as the new rule asks opens at the next failure.
    /// Instants are truncated to whole seconds.
    /// </summary>
    public static OutageTracker Restore(MonitorRule rule, int consecutiveFailures, DateTimeOffset? firstFailureAt, bool isDown, DateTimeOffset? lastSampleAt)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(consecutiveFailures);
        if ((consecutiveFailures == 0) != (firstFailureAt is null))
        {
            throw new ArgumentException("A run has a first failure exactly when it has failures.", nameof(firstFailureAt));
        }

        if (isDown && consecutiveFailures == 0)
        {
            throw new ArgumentException("An open outage has at least one failure.", nameof(isDown));
        }

        if (firstFailureAt is { } first && (lastSampleAt is not { } last || WholeSeconds.Of(first) > WholeSeconds.Of(last)))
        {
            throw new ArgumentException("The first failure is a sample, so it cannot be after the last sample.", nameof(lastSampleAt));
        }

        return new OutageTracker(rule, consecutiveFailures, Truncate(firstFailureAt), isDown, Truncate(lastSampleAt));
    }

    /// <summary>The state after <paramref name="sample"/>, with the outage it opened or closed, if any.</summary>
    /// <exception cref="ArgumentException">The sample is earlier than <see cref="LastSampleAt"/>.</exception>
    public OutageStep Next(ProbeSample sample)
    {
        if (LastSampleAt is { } last && sample.At < last)
        {
            throw new ArgumentException($"The sample at {sample.At:O} is earlier than the last one, at {last:O}.", nameof(sample));
        }

        if (sample.Success)
        {
            return new OutageStep(new OutageTracker(Rule, 0, null, false, sample.At), null, IsDown ? sample.At : null);
        }

        // Saturates rather than wraps: a monitor failing every second would need 68 years to get there.
        var failures = ConsecutiveFailures == int.MaxValue ? int.MaxValue : ConsecutiveFailures + 1;
        var first = FirstFailureAt ?? sample.At;
        var opens = !IsDown && failures >= Rule.FailuresToOpen;
        return new OutageStep(new OutageTracker(Rule, failures, first, IsDown || opens, sample.At), opens ? first : null, null);
    }

    private static DateTimeOffset? Truncate(DateTimeOffset? instant) => instant is { } value ? WholeSeconds.Truncate(value) : null;
}
