namespace Isms.Core.Calendars;

/// <summary>
/// The working days of one office location: the official calendar of each imported year, minus
/// that location's whole-day closures; a day with a partial closure stays a working day that ends
/// early. Every question about a year that was not imported throws
/// <see cref="CalendarYearMissingException"/> instead of guessing from weekdays. Built once per
/// location and reused: each day's working flag, running working-day count and local midnight are
/// worked out in the constructor, so every question is an array look-up.
/// </summary>
public sealed partial class WorkingDayCalendar
{
    private readonly DateOnly _first;
    private readonly LocalDays _local;
    private readonly bool[] _working;
    private readonly int[] _closesAt;     // second of the day a partial closure starts; SecondsPerDay when none
    private readonly int[] _workingUpTo;  // working days from the first day up to and including this one
    private readonly int[] _workingDays;  // the index of each working day, in order
    private readonly int[] _nextMissing;  // the first day at or after this one in a year not imported (Count: past the end)
    private readonly long[] _lastSecond;  // the instant of local 23:59:59, in UTC seconds

    /// <summary>
    /// Builds the calendar. Years need not be contiguous but each may be given once, between the
    /// years 2 and 9998. Closures of days in years not given are ignored; several closures of one
    /// day combine (a whole-day closure wins, else the earliest time).
    /// </summary>
    public WorkingDayCalendar(IEnumerable<OfficeCalendarYear> years, IEnumerable<Closure> closures, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(closures);
        ArgumentNullException.ThrowIfNull(zone);
        var byYear = new SortedDictionary<int, OfficeCalendarYear>();
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            ArgumentOutOfRangeException.ThrowIfLessThan(year.Year, 2, nameof(years));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(year.Year, 9998, nameof(years));
            if (!byYear.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"The year {year.Year} is given twice.", nameof(years));
            }
        }

        Zone = zone;
        Years = byYear.Keys.ToArray().AsReadOnly();
        _first = Years.Count == 0 ? new DateOnly(2000, 1, 1) : new DateOnly(Years[0], 1, 1);
        var count = Years.Count == 0 ? 0 : new DateOnly(Years[^1], 12, 31).DayNumber - _first.DayNumber + 1;
        _local = new LocalDays(zone, _first, count);
        _working = new bool[count];
        _closesAt = new int[count];
        Array.Fill(_closesAt, LocalDays.SecondsPerDay);
        _nextMissing = new int[count + 1];
        foreach (var day in byYear.Values.SelectMany(year => year.Days))
        {
            _working[day.Date.DayNumber - _first.DayNumber] = !day.DayOff;
        }

        foreach (var closure in closures)
        {
            ArgumentNullException.ThrowIfNull(closure, nameof(closures));
            if (byYear.ContainsKey(closure.Date.Year))
            {
                Close(closure.Date.DayNumber - _first.DayNumber, closure.From);
            }
        }

        _nextMissing[count] = count;
        for (var day = count - 1; day >= 0; day--)
        {
            _nextMissing[day] = byYear.ContainsKey(_first.AddDays(day).Year) ? _nextMissing[day + 1] : day;
        }

        _workingUpTo = new int[count];
        _workingDays = new int[_working.Count(working => working)];
        _lastSecond = new long[count];
        for (int day = 0, seen = 0; day < count; day++)
        {
            if (_working[day])
            {
                _workingDays[seen++] = day;
            }

            _workingUpTo[day] = seen;
            _lastSecond[day] = _local.ToUtc(day, LocalDays.SecondsPerDay - 1);
        }
    }

    /// <summary>The time zone the calendar's days are in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The imported years, in ascending order.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>True when the year's office calendar was imported.</summary>
    public bool HasYear(int year) => Years.Contains(year);

    /// <summary>True on an official working day (make-up workdays included) without a whole-day closure.</summary>
    public bool IsWorkingDay(DateOnly date) => _working[Index(date)];

    /// <summary>The local time the office closes early on a working day, or null when it keeps its normal hours (or is not a working day).</summary>
    public TimeOnly? ClosesAt(DateOnly date)
    {
        var day = Index(date);
        return _working[day] && _closesAt[day] < LocalDays.SecondsPerDay
            ? TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(_closesAt[day]))
            : null;
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="date"/>, not counting the date
    /// itself: n = 1 is the next working day. n = 0 gives the date when it is a working day, else
    /// the next working day (the same as n = 1 then).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = Index(date);
        return n == 0 && _working[day] ? date : _first.AddDays(WorkingDay(day, _workingUpTo[day] + Math.Max(n, 1) - 1));
    }

    /// <summary>
    /// How many working days d lie in <paramref name="from"/> &lt; d ≤ <paramref name="to"/>;
    /// negative (minus the count of to &lt; d ≤ from) when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var (start, end) = (Index(from), Index(to));
        var low = Math.Min(start, end);
        if (_nextMissing[low] <= Math.Max(start, end))
        {
            throw Missing(_nextMissing[low]);
        }

        return _workingUpTo[end] - _workingUpTo[start];
    }
}
