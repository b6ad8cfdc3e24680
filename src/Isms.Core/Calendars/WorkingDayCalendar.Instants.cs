namespace Isms.Core.Calendars;

// The calendar's days by index (0 is 1 January of the first imported year) and as instants in
// UTC seconds, for the SLA clock. Whole seconds: every SLA instant is one.
public sealed partial class WorkingDayCalendar
{
    /// The local day holding an instant; throws when its year was not imported.
    internal int DayOf(long utcSecond)
    {
        var day = _local.IndexOf(utcSecond);
        if (day < 0)
        {
            throw new CalendarYearMissingException(LocalDays.YearAt(Zone, utcSecond));
        }

        EnsureImported(day);
        return day;
    }

    /// The day, or past the last day, a year not imported: throws.
    internal void EnsureImported(int day)
    {
        if (day >= _working.Length || _nextMissing[day] == day)
        {
            throw Missing(day);
        }
    }

    /// The days-rule due day of a receipt. On a working day before any closure, that day is day 0
    /// and the due day is the days-th working day after it. On a day off, or after a partial
    /// closure, the next working day is day 1, so the due day is again the days-th working day
    /// after the day of receipt: one formula for both.
    internal int DueDay(long utcSecond, int days)
    {
        var day = DayOf(utcSecond);
        return WorkingDay(day, _workingUpTo[day] + days - 1);
    }

    internal long LastSecond(int day) => _lastSecond[day];

    internal long DayStart(int day) => _local.Start(day);

    /// The working time of a day between two local times (seconds from midnight; SecondsPerDay is
    /// the next midnight), cut at a partial closure. Empty (To ≤ From) on a day that is not working.
    internal (long From, long To) Window(int day, int startSecond, int endSecond)
    {
        var end = Math.Min(endSecond, _closesAt[day]);
        return _working[day] && end > startSecond
            ? (_local.ToUtc(day, startSecond), _local.ToUtc(day, end))
            : (0, 0);
    }

    /// The working day with the given ordinal, found from day `from`; throws when it lies in or
    /// beyond a year not imported.
    private int WorkingDay(int from, int ordinal)
    {
        var day = ordinal < _workingDays.Length ? _workingDays[ordinal] : _working.Length;
        return day < _nextMissing[from] ? day : throw Missing(_nextMissing[from]);
    }

    private int Index(DateOnly date)
    {
        var day = date.DayNumber - _first.DayNumber;
        if ((uint)day >= (uint)_working.Length || _nextMissing[day] == day)
        {
            throw new CalendarYearMissingException(date.Year);
        }

        return day;
    }

    private CalendarYearMissingException Missing(int day) =>
        new(day >= _working.Length ? (Years.Count == 0 ? _first.Year : Years[^1] + 1) : _first.AddDays(day).Year);

    private void Close(int day, TimeOnly? from)
    {
        if (from is { } time)
        {
            _closesAt[day] = Math.Min(_closesAt[day], (int)(time.Ticks / TimeSpan.TicksPerSecond));
        }
        else
        {
            _working[day] = false;
        }
    }
}
