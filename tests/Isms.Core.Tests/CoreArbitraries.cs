using FsCheck;
using FsCheck.Fluent;

namespace Isms.Core.Tests;

/// A forest of units given as id → parent, as UnitTree takes it. Built so that every parent has a
/// smaller index than its child, hence never a cycle.
public sealed record Forest(IReadOnlyDictionary<int, int?> Parents)
{
    public override string ToString() =>
        string.Join(", ", Parents.OrderBy(p => p.Key).Select(p => $"{p.Key}->{p.Value?.ToString() ?? "root"}"));
}

/// Generators for the Core property tests: dates over the whole DateOnly range and acyclic forests.
public static class CoreArbitraries
{
    private static int MaxDayNumber => DateOnly.MaxValue.DayNumber;

    public static Arbitrary<DateOnly> Dates() =>
        Gen.Choose(0, MaxDayNumber).Select(DateOnly.FromDayNumber).ToArbitrary();

    public static Arbitrary<Forest> Forests() =>
        Gen.Sized(size => Gen.Choose(1, Math.Max(2, size)))
            .SelectMany(count => Gen.CollectToArray(
                Enumerable.Range(0, count),
                index => index == 0
                    ? Gen.Constant<int?>(null)
                    : Gen.Frequency<int?>((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, index - 1).Select(p => (int?)p)))))
            .SelectMany(parents => Gen.Shuffle(Enumerable.Range(1, parents.Length).Select(i => i * 7).ToArray()),
                // Ids are shuffled and spaced out, so no property depends on ids being ordered or dense.
                (parents, ids) => new Forest(Enumerable.Range(0, parents.Length)
                    .ToDictionary(i => ids[i], i => parents[i] is { } p ? ids[p] : (int?)null)))
            .ToArbitrary();
}
