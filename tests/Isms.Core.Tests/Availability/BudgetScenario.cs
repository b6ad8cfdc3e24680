using FsCheck;
using FsCheck.Fluent;
using Isms.Core.Availability;
using Interval = Isms.Core.Availability.Interval;

namespace Isms.Core.Tests.Availability;

/// A period of whole days from T0 with downtime at its start (half the time within two seconds of
/// the allowed downtime), unknown time and maintenance in its second half, and a moment `Now`
/// anywhere from a day before the period to a day after it.
public sealed record BudgetScenario(Interval Period, Interval Down, Interval[] Unknown, Interval[] Maintenance, decimal Target, bool Counted, DateTimeOffset Now)
{
    public AvailabilityFigures Compute(DateTimeOffset now) =>
        AvailabilityFigures.Compute(new MonitorHistory([Down], Unknown), Maintenance, Period, now, Target, Counted);

    public override string ToString() =>
        $"period={Period} down={Down} unknown={string.Join(" ", Unknown)} maintenance={string.Join(" ", Maintenance)} "
        + $"target={Target} counted={Counted} now={Now:O}";
}

public static class BudgetArbitraries
{
    public static Arbitrary<BudgetScenario> Scenarios() =>
        (from days in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Choose(41, 400)))
         let length = days * 86_400L
         from target in Gen.Elements(0.9m, 0.95m, 0.99m, 0.995m, 0.999m, 0.9999m, 0.98765m)
         from counted in Gen.Elements(true, false)
         from maintenanceCount in Gen.Choose(0, 3)
         from maintenance in Gen.ArrayOf(SecondHalf(length, 86_400), maintenanceCount)
         from unknownCount in Gen.Choose(0, 2)
         from unknown in Gen.ArrayOf(SecondHalf(length, 10 * 86_400), unknownCount)
         from nearBudget in Gen.Elements(true, false)
         from delta in Gen.Choose(-2, 2)
         from anyDown in Gen.Choose(0, (int)Math.Min(int.MaxValue, length / 2))
         from nowOffset in Gen.Frequency((1, Gen.Choose(-86_400, 0)), (3, Gen.Choose(0, (int)length)), (2, Gen.Constant((int)length)), (1, Gen.Choose((int)length, (int)length + 86_400)))
         select Build(length, target, counted, maintenance, unknown, nearBudget ? null : anyDown, delta, nowOffset))
        .ToArbitrary();

    private static BudgetScenario Build(long length, decimal target, bool counted, Interval[] maintenance, Interval[] unknown, int? anyDown, int delta, int nowOffset)
    {
        var period = new Interval(Notation.T0, Notation.T0.AddSeconds(length));
        var planned = Intervals.TotalSeconds(Intervals.Clip(maintenance, period));
        var denominator = length - (counted ? 0 : planned);
        var atBudget = (long)decimal.Floor((1m - target) * denominator) + delta - (counted ? planned : 0);
        var down = Math.Clamp(anyDown ?? atBudget, 0, length / 2);
        return new BudgetScenario(
            period, new Interval(Notation.T0, Notation.T0.AddSeconds(down)), unknown, maintenance, target, counted, Notation.T0.AddSeconds(nowOffset));
    }

    // Anywhere in the second half of the period, now and then reaching past its end.
    private static Gen<Interval> SecondHalf(long length, int longest) =>
        from start in Gen.Choose((int)(length / 2), (int)length)
        from seconds in Gen.Choose(0, longest)
        select new Interval(Notation.T0.AddSeconds(start), Notation.T0.AddSeconds(start + (long)seconds));
}
