namespace Isms.Core.Tests.Availability;

/// The figures the oracle expects.
internal sealed record NaiveFigures(long Planned, long Unplanned, long Unknown, int Outages, double? Availability, bool? TargetMet);

/// The availability rule of DESIGN.md §2 walked slot by slot with a state variable per monitor,
/// written for obviousness and without the interval algebra it checks. On the scripted grid every
/// slot is all down, all unknown or all up, so counting slots times their length is exact.
internal static class NaiveAvailability
{
    private const byte Up = 0;
    private const byte Down = 1;
    private const byte Unknown = 2;

    public static NaiveFigures Compute(ScriptedYear year)
    {
        var states = year.Monitors.Select(monitor => MonitorStates(monitor, year.SlotCount)).ToArray();
        var (maintenance, manual, dismissed) = (Flags(year, year.Maintenance), Flags(year, year.Manual), Flags(year, year.Dismissed));

        long planned = 0, down = 0, unknown = 0;
        var outages = 0;
        var wasDown = false;
        for (var slot = year.YearFrom; slot < Math.Min(year.YearTo, year.NowSlot); slot++)
        {
            var (anyDown, anyUnknown) = (false, false);
            foreach (var monitor in states)
            {
                anyDown |= monitor[slot] == Down;
                anyUnknown |= monitor[slot] == Unknown;
            }

            var service = dismissed[slot] ? Unknown : manual[slot] || anyDown ? Down : anyUnknown ? Unknown : Up;
            var countedDown = false;
            if (maintenance[slot])
            {
                planned++;
                countedDown = year.MaintenanceCounts;
            }
            else if (service == Down)
            {
                countedDown = true;
            }
            else if (service == Unknown)
            {
                unknown++;
            }

            down += countedDown ? 1 : 0;
            outages += countedDown && !wasDown ? 1 : 0;
            wasDown = countedDown;
        }

        long length = year.SlotSeconds;
        var observed = (long)Math.Max(0, Math.Min(year.YearTo, year.NowSlot) - year.YearFrom) * length;
        var denominator = observed - (year.MaintenanceCounts ? 0 : planned * length);
        var known = denominator - (unknown * length);
        return new NaiveFigures(
            planned * length,
            down * length,
            unknown * length,
            outages,
            known > 0 ? 1.0 - ((double)(down * length) / denominator) : null,
            known > 0 ? down * length <= (1m - year.Target) * denominator : null);
    }

    // A slot is unknown when no probe has spoken for it within StaleSlots; down from the first
    // failure of a run once the run reaches N (marking its earlier known slots down too), until a
    // success.
    private static byte[] MonitorStates(ScriptedMonitor monitor, int slotCount)
    {
        var states = new byte[slotCount];
        var lastProbe = -1_000_000;
        var (failures, runStart, isDown) = (0, 0, false);
        for (var slot = 0; slot < slotCount; slot++)
        {
            var outcome = monitor.Outcomes[slot];
            if (outcome >= 0)
            {
                lastProbe = slot;
                if (outcome == 1)
                {
                    (failures, isDown) = (0, false);
                }
                else
                {
                    runStart = failures == 0 ? slot : runStart;
                    failures++;
                    if (!isDown && failures >= monitor.FailuresToOpen)
                    {
                        isDown = true;
                        for (var earlier = runStart; earlier < slot; earlier++)
                        {
                            states[earlier] = states[earlier] == Up ? Down : states[earlier];
                        }
                    }
                }
            }

            states[slot] = slot - lastProbe >= monitor.StaleSlots ? Unknown : isDown ? Down : Up;
        }

        return states;
    }

    private static bool[] Flags(ScriptedYear year, SlotRange[] ranges)
    {
        var flags = new bool[year.SlotCount];
        foreach (var range in ranges)
        {
            for (var slot = Math.Max(0, range.From); slot < Math.Min(year.SlotCount, range.To); slot++)
            {
                flags[slot] = true;
            }
        }

        return flags;
    }
}
