using System.Runtime.InteropServices;

namespace Isms.Core.Availability;

/// <summary>
/// A monitor's down and unknown time over a window, from its probe samples (DESIGN.md §2, issue 5).
/// </summary>
/// <remarks>
/// Down: for each run of at least <see cref="MonitorRule.FailuresToOpen"/> consecutive failures,
/// [first failure of the run, next success), or to the end of the window when the run is still
/// failing; less unknown time. A run of fewer failures is up, whether a success follows it or the
/// samples end before it reaches N (the outage has not opened, yet). Time without
/// data does not break a run: failure, ten minutes without probes, failure is a run of two whose
/// down time leaves out the unknown gap. Unknown: the window less every probe's stretch
/// ([t, t + StaleAfter), cut short by the next probe). Samples outside the window still count: a
/// run that began before the window and a stretch that reaches into it.
/// </remarks>
public static class MonitorTimeline
{
    /// <summary>The monitor's history over <paramref name="window"/>.</summary>
    /// <exception cref="ArgumentException">A sample is earlier than the one before it.</exception>
    public static MonitorHistory Build(IEnumerable<ProbeSample> samplesInTimeOrder, MonitorRule rule, Interval window)
    {
        var (runs, known) = Scan(samplesInTimeOrder, rule, window.EndSecond, window);
        var unknown = Intervals.Complement(known, window);
        var down = Intervals.Subtract(Intervals.ClipSet(runs, window), unknown);
        return new MonitorHistory(down, unknown);
    }

    /// <summary>
    /// The outages the probes show before unknown time is taken out: each run of at least
    /// <see cref="MonitorRule.FailuresToOpen"/> failures from its first failure to the next
    /// success, merged. A run still failing at the last sample ends at <paramref name="openUntil"/>,
    /// and is left out when it starts there or later. These are the outages an
    /// <see cref="OutageTracker"/> opens and closes over the same samples.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is earlier than the one before it.</exception>
    public static IReadOnlyList<Interval> Outages(IEnumerable<ProbeSample> samplesInTimeOrder, MonitorRule rule, DateTimeOffset openUntil) =>
        Scan(samplesInTimeOrder, rule, WholeSeconds.Of(openUntil), null).Runs;

    private static (IntervalSet Runs, IntervalSet Known) Scan(
        IEnumerable<ProbeSample> samplesInTimeOrder, MonitorRule rule, long openUntil, Interval? knownWithin)
    {
        ArgumentNullException.ThrowIfNull(samplesInTimeOrder);
        ArgumentNullException.ThrowIfNull(rule);
        var scanner = new Scanner(rule, knownWithin);
        var inOrder = true;

        // The probe engine hands over lists of a year's samples; walking their span saves the enumerator.
        if (samplesInTimeOrder is List<ProbeSample> list)
        {
            foreach (var sample in CollectionsMarshal.AsSpan(list))
            {
                if (!(inOrder = scanner.Add(sample)))
                {
                    break;
                }
            }
        }
        else
        {
            foreach (var sample in samplesInTimeOrder)
            {
                if (!(inOrder = scanner.Add(sample)))
                {
                    break;
                }
            }
        }

        return inOrder
            ? scanner.Finish(openUntil)
            : throw new ArgumentException($"The sample at index {scanner.Count} is earlier than the one before it.", nameof(samplesInTimeOrder));
    }

    private sealed class Scanner(MonitorRule rule, Interval? knownWithin)
    {
        private readonly List<Interval> _runs = [];
        private readonly List<Interval> _known = [];
        private readonly long _stale = rule.StaleAfterSeconds;
        private int _index;
        private long _previous;
        private int _failures;
        private long _firstFailure;

        public int Count => _index;

        /// False, taking nothing in, when the sample is earlier than the one before it.
        public bool Add(ProbeSample sample)
        {
            var at = WholeSeconds.Of(sample.At);
            if (_index > 0)
            {
                if (at < _previous)
                {
                    return false;
                }

                AddKnown(_previous, Math.Min(_previous + _stale, at));
            }

            if (sample.Success)
            {
                if (_failures >= rule.FailuresToOpen)
                {
                    IntervalSet.Append(_runs, _firstFailure, at);
                }

                _failures = 0;
            }
            else if (_failures++ == 0)
            {
                _firstFailure = at;
            }

            _previous = at;
            _index++;
            return true;
        }

        public (IntervalSet Runs, IntervalSet Known) Finish(long openUntil)
        {
            if (_index > 0)
            {
                AddKnown(_previous, _previous + _stale);
            }

            if (_failures >= rule.FailuresToOpen)
            {
                IntervalSet.Append(_runs, _firstFailure, openUntil);
            }

            return (IntervalSet.FromMerged(_runs), IntervalSet.FromMerged(_known));
        }

        private void AddKnown(long start, long end)
        {
            if (knownWithin is { } window)
            {
                IntervalSet.Append(_known, Math.Max(start, window.StartSecond), Math.Min(end, window.EndSecond));
            }
        }
    }
}
