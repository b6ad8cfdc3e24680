using System.Globalization;

namespace Isms.Core.Tests.Availability;

/// A monitor's script: an outcome per probe slot (-1 no probe, 0 failure, 1 success).
internal sealed record ScriptedMonitor(int FailuresToOpen, int StaleSlots, sbyte[] Outcomes, bool Silent);

/// Slots [From, To) of a scripted year.
internal readonly record struct SlotRange(int From, int To);

/// One service over one Taipei calendar year, scripted on a grid of probe slots from a few slots
/// before the year to a few after it (or to now, for a year still going on): one to three
/// critical monitors, each with its own N and staleness, failure runs of 1–20 probes, gaps of
/// 0–3 hours without probes, and maintenance, hand-recorded and dismissed outages on the grid.
/// Everything follows from the seed.
internal sealed class ScriptedYear
{
    private ScriptedYear(int seed, int slotSeconds)
    {
        Seed = seed;
        SlotSeconds = slotSeconds;
    }

    public int Seed { get; }

    public int SlotSeconds { get; }

    public int Year { get; private init; }

    /// The UTC instant of slot 0.
    public DateTimeOffset FirstSlot { get; private init; }

    public int SlotCount { get; private init; }

    /// The slots of the calendar year: [YearFrom, YearTo).
    public int YearFrom { get; private init; }

    public int YearTo { get; private init; }

    /// Now is the start of this slot: the year's end or later for a finished year.
    public int NowSlot { get; private init; }

    public ScriptedMonitor[] Monitors { get; private init; } = [];

    public SlotRange[] Maintenance { get; private init; } = [];

    public SlotRange[] Manual { get; private init; } = [];

    public SlotRange[] Dismissed { get; private init; } = [];

    public decimal Target { get; private init; }

    public bool MaintenanceCounts { get; private init; }

    public DateTimeOffset SlotStart(int slot) => FirstSlot.AddSeconds((long)slot * SlotSeconds);

    public static ScriptedYear Generate(int seed, int slotSeconds)
    {
        var random = new Random(seed);
        var year = random.Next(2020, 2036);
        var yearStart = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var yearSlots = (int)((yearStart.AddYears(1) - yearStart).TotalSeconds / slotSeconds);
        var (before, after) = (random.Next(0, 30), random.Next(0, 30));
        var slotCount = before + yearSlots + after;
        var nowSlot = random.Next(5) == 0 ? random.Next(before, before + yearSlots + 1) : before + yearSlots + random.Next(0, after + 1);
        var probesUntil = Math.Min(slotCount, nowSlot < before + yearSlots ? nowSlot : slotCount);

        // How often runs and gaps begin is drawn per year, from about 5 % down to well under 0.1 %.
        var (failEvery, gapEvery) = (random.Next(200, 20_000), random.Next(1_000, 40_000));
        var monitors = new ScriptedMonitor[random.Next(1, 4)];
        for (var index = 0; index < monitors.Length; index++)
        {
            monitors[index] = Monitor(random, slotCount, probesUntil, slotSeconds, failEvery, gapEvery);
        }

        return new ScriptedYear(seed, slotSeconds)
        {
            Year = year,
            FirstSlot = yearStart.ToUniversalTime().AddSeconds(-(long)before * slotSeconds),
            SlotCount = slotCount,
            YearFrom = before,
            YearTo = before + yearSlots,
            NowSlot = nowSlot,
            Monitors = monitors,
            Maintenance = Ranges(random, random.Next(0, 7), before, before + yearSlots, 48),
            Manual = Ranges(random, random.Next(0, 3), before, before + yearSlots, 72),
            Dismissed = Ranges(random, random.Next(0, 3), before, before + yearSlots, 72),
            Target = new[] { 0.99m, 0.99m, 0.995m, 0.999m, 0.95m }[random.Next(5)],
            MaintenanceCounts = random.Next(3) == 0,
        };
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"seed {Seed}: year {Year}, slots of {SlotSeconds} s from {FirstSlot:O}, year slots {YearFrom}..{YearTo}, now slot {NowSlot}, ")
        + string.Join(", ", Monitors.Select(m => $"monitor N={m.FailuresToOpen} stale={m.StaleSlots} slots{(m.Silent ? " silent" : "")}"))
        + $", maintenance {Show(Maintenance)} (counted: {MaintenanceCounts}), manual {Show(Manual)}, dismissed {Show(Dismissed)}, target {Target}";

    private static ScriptedMonitor Monitor(Random random, int slotCount, int probesUntil, int slotSeconds, int failEvery, int gapEvery)
    {
        var outcomes = new sbyte[slotCount];
        var silent = random.Next(80) == 0;
        var (nextFail, nextGap, failLeft, gapLeft) = (Geometric(random, failEvery), Geometric(random, gapEvery), 0, 0);
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (silent || slot >= probesUntil)
            {
                outcomes[slot] = -1;
                continue;
            }

            if (gapLeft == 0 && slot >= nextGap)
            {
                gapLeft = random.Next(0, (3 * 3_600 / slotSeconds) + 1);
                nextGap = slot + 1 + Geometric(random, gapEvery);
            }

            if (gapLeft > 0)
            {
                gapLeft--;
                outcomes[slot] = -1;
                continue;
            }

            if (failLeft == 0 && slot >= nextFail)
            {
                failLeft = random.Next(1, 21);
                nextFail = slot + 1 + Geometric(random, failEvery);
            }

            outcomes[slot] = (sbyte)(failLeft > 0 ? 0 : 1);
            failLeft = Math.Max(0, failLeft - 1);
        }

        return new ScriptedMonitor(random.Next(1, 4), random.Next(1, 4), outcomes, silent);
    }

    private static int Geometric(Random random, int mean) => (int)Math.Min(int.MaxValue / 2, -Math.Log(1 - random.NextDouble()) * mean);

    // Around the year, some reaching over its first or last slot.
    private static SlotRange[] Ranges(Random random, int count, int yearFrom, int yearTo, int longest) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(yearFrom - 20, yearTo + 20)).Select(from => new SlotRange(from, from + random.Next(1, longest + 1)))];

    private static string Show(SlotRange[] ranges) => ranges.Length == 0 ? "none" : string.Join(" ", ranges.Select(r => $"{r.From}..{r.To}"));
}
