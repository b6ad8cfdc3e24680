using FsCheck.Xunit;
using Isms.Core.Availability;

namespace Isms.Core.Tests.Availability;

// DESIGN.md §2, issue 5: every operation agrees with the same operation on the set of seconds
// the intervals cover, and its result is merged (sorted, non-empty, a gap between any two).
public sealed class IntervalsPropertyTests
{
    private const int Domain = 310;

    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool Merge_AnyBag_IsIdempotent(IntervalBag bag)
    {
        var merged = Intervals.Merge(bag.Items);
        return Intervals.Merge(merged).SequenceEqual(merged) && Intervals.Merge([.. merged]).SequenceEqual(merged);
    }

    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool Merge_AnyOrder_GivesTheSameResult(IntervalBag bag, int seed)
    {
        var shuffled = bag.Items.ToArray();
        new Random(seed).Shuffle(shuffled);
        return Intervals.Merge(shuffled).SequenceEqual(Intervals.Merge(bag.Items))
            && Intervals.Merge(bag.Items.Reverse()).SequenceEqual(Intervals.Merge(bag.Items));
    }

    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool Merge_AnyBag_IsMergedAndCoversTheSameSeconds(IntervalBag bag) =>
        IsMerged(Intervals.Merge(bag.Items)) && Covered(Intervals.Merge(bag.Items)).SequenceEqual(Covered(bag.Items));

    [Property(Arbitrary = [typeof(AvailabilityArbitraries)], MaxTest = 500)]
    public bool SetOperations_AnyTwoBags_AgreeWithTheSetsOfSeconds(IntervalBag a, IntervalBag b)
    {
        var (left, right) = (Covered(a.Items), Covered(b.Items));
        var period = b.Items.Length > 0 ? b.Items[0] : new Interval(Notation.T0, Notation.T0);
        return Agrees(Intervals.Subtract(a.Items, b.Items), s => left[s] && !right[s])
            && Agrees(Intervals.Intersect(a.Items, b.Items), s => left[s] && right[s])
            && Agrees(Intervals.Union(a.Items, b.Items), s => left[s] || right[s])
            && Agrees(Intervals.Clip(a.Items, period), s => left[s] && period.Contains(Notation.T0.AddSeconds(s)))
            && Agrees(Intervals.Complement(a.Items, period), s => !left[s] && period.Contains(Notation.T0.AddSeconds(s)))
            && Intervals.TotalSeconds(a.Items) == left.Count(covered => covered);
    }

    private static bool Agrees(IReadOnlyList<Interval> result, Func<int, bool> expected) =>
        IsMerged(result) && Covered(result).SequenceEqual(Enumerable.Range(0, Domain).Select(expected));

    private static bool IsMerged(IReadOnlyList<Interval> intervals) =>
        intervals.All(i => !i.IsEmpty) && intervals.Zip(intervals.Skip(1)).All(pair => pair.First.End < pair.Second.Start);

    private static bool[] Covered(IEnumerable<Interval> intervals)
    {
        var covered = new bool[Domain];
        foreach (var interval in intervals)
        {
            for (var second = 0; second < Domain; second++)
            {
                covered[second] |= interval.Contains(Notation.T0.AddSeconds(second));
            }
        }

        return covered;
    }
}
