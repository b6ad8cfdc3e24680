using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

/// What the naive clock found: the due time, or the year whose calendar the walk needed and lacked.
internal readonly record struct NaiveDue(DateTimeOffset? At, int? MissingYear)
{
    public override string ToString() => At is { } at ? $"{at.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-ddTHH:mm:sszzz}" : $"missing {MissingYear}";
}

/// A deliberately naive SLA clock, the oracle of SlaClockOracleTests. It shares nothing with the
/// Core's indexes: working days come straight from the calendar rows and the closures, the
/// working-days rule walks day by day, and working time is walked minute by minute in local time
/// over a working flag per minute, worked out once per axis. Every boundary it is given (office
/// hours, closures, pauses) must lie on a whole minute, so that each minute is all working time or
/// none of it; receipts may be any whole second.
internal sealed class NaiveSlaClock
{
    private const int SecondsPerDay = 86_400;

    private readonly TimeZoneInfo _zone;
    private readonly DateOnly _first;
    private readonly DateOnly _last;
    private readonly DateTime _origin;
    private readonly Dictionary<DateOnly, bool> _officialWorking = [];
    private readonly Dictionary<DateOnly, TimeOnly?> _closures = [];
    private readonly Dictionary<(int Start, int End), Minute[]> _axes = [];

    public NaiveSlaClock(IReadOnlyList<OfficeCalendarYear> years, IEnumerable<Closure> closures, TimeZoneInfo zone)
    {
        _zone = zone;
        foreach (var day in years.SelectMany(year => year.Days))
        {
            _officialWorking.Add(day.Date, !day.DayOff);
        }

        foreach (var closure in closures)
        {
            // Several closures of one day: a whole-day closure wins, else the earliest time.
            _closures[closure.Date] = _closures.TryGetValue(closure.Date, out var earlier)
                ? (earlier is { } a && closure.From is { } b ? (a < b ? a : b) : null)
                : closure.From;
            RequireWholeMinute(closure.From?.ToTimeSpan() ?? TimeSpan.Zero);
        }

        _first = new DateOnly(years.Min(year => year.Year), 1, 1);
        _last = new DateOnly(years.Max(year => year.Year), 12, 31);
        _origin = _first.ToDateTime(TimeOnly.MinValue);
    }

    private enum Minute : byte
    {
        Missing,
        Off,
        Working,
    }

    public NaiveDue Due(SlaRule rule, DateTimeOffset receivedAt, IReadOnlyList<SlaPause> pauses) =>
        (rule.Kind, pauses.Count) switch
        {
            (SlaRuleKind.WorkingDays, 0) => DaysDue(receivedAt, rule.Days),
            (SlaRuleKind.WorkingDays, _) => PausedDaysDue(receivedAt, rule.Days, pauses),
            _ => HoursDue(rule, receivedAt, pauses),
        };

    /// The days rule without pauses says "before the next local midnight after the due day"; with
    /// pauses the due time is any second, and a form finished by it is on time.
    public bool OnTime(SlaRule rule, IReadOnlyList<SlaPause> pauses, DateTimeOffset finishedAt, DateTimeOffset dueAt) =>
        rule.Kind == SlaRuleKind.WorkingDays && pauses.Count == 0
            ? Local(finishedAt) < DateOnly.FromDateTime(Local(dueAt)).AddDays(1).ToDateTime(TimeOnly.MinValue)
            : finishedAt <= dueAt;

    public bool IsImported(DateOnly date) => _officialWorking.ContainsKey(date);

    public bool IsWorkingDay(DateOnly date) =>
        _officialWorking.TryGetValue(date, out var working) && working && !(_closures.TryGetValue(date, out var from) && from is null);

    /// The local time the office closes early on a working day, or null.
    public TimeOnly? ClosesAt(DateOnly date) => IsWorkingDay(date) && _closures.TryGetValue(date, out var from) ? from : null;

    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    private DateTimeOffset Instant(DateTime local) => new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();

    // Day 0 is the date of receipt when the office was open at receipt; received on a day off, or
    // after the office closed early, the next working day is day 1. Either way day n is the n-th
    // working day after the date of receipt, and the form is due at its 23:59:59.
    private NaiveDue DaysDue(DateTimeOffset receivedAt, int days)
    {
        var date = DateOnly.FromDateTime(Local(receivedAt));
        if (!IsImported(date))
        {
            return new NaiveDue(null, date.Year);
        }

        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (!IsImported(date))
            {
                return new NaiveDue(null, date.Year);
            }

            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new NaiveDue(Instant(date.ToDateTime(new TimeOnly(23, 59, 59))), null);
    }

    // SlaClock.DueAt's documentation, step by step: C is the working time (00:00–24:00 of working
    // days, cut at early closures) from receipt to the end E of the unpaused due day's working time;
    // T is the earliest instant with C of unpaused working time since receipt; due at 23:59:59 of
    // T's day when T ends that day's working time, else at T − 1 s.
    private NaiveDue PausedDaysDue(DateTimeOffset receivedAt, int days, IReadOnlyList<SlaPause> pauses)
    {
        var plain = DaysDue(receivedAt, days);
        if (plain.At is not { } plainDue)
        {
            return plain;
        }

        var axis = Axis(0, SecondsPerDay);
        var dueDay = DateOnly.FromDateTime(Local(plainDue));
        var from = LocalSecond(receivedAt);
        var budget = WorkingSeconds(axis, from, WorkingDayEnd(dueDay));
        var (t, missingYear) = Advance(axis, from, budget, PausedMinutes(pauses));
        if (missingYear is not null)
        {
            return new NaiveDue(null, missingYear);
        }

        var lastDay = DateOnly.FromDateTime(_origin.AddSeconds(t - 1));
        return t == WorkingDayEnd(lastDay)
            ? new NaiveDue(Instant(lastDay.ToDateTime(new TimeOnly(23, 59, 59))), null)
            : new NaiveDue(Instant(_origin.AddSeconds(t - 1)), null);
    }

    private NaiveDue HoursDue(SlaRule rule, DateTimeOffset receivedAt, IReadOnlyList<SlaPause> pauses)
    {
        var axis = Axis(RequireWholeMinute(rule.DayStart.ToTimeSpan()), RequireWholeMinute(rule.DayEnd.ToTimeSpan()));
        var (t, missingYear) = Advance(axis, LocalSecond(receivedAt), (long)rule.Budget.TotalSeconds, PausedMinutes(pauses));
        return missingYear is null ? new NaiveDue(Instant(_origin.AddSeconds(t)), null) : new NaiveDue(null, missingYear);
    }

    /// The earliest local second t at which `budget` (> 0) seconds of working, unpaused minutes lie
    /// in [from, t), or the year of the first minute walked into that has no calendar.
    private (long At, int? MissingYear) Advance(Minute[] axis, long from, long budget, (long From, long To)[] paused)
    {
        if (from < 0)
        {
            return (0, DateOnly.FromDateTime(_origin.AddSeconds(from)).Year);
        }

        // The receipt's own minute has only the seconds from the receipt on; every later one has 60.
        for (var (minute, left) = (from / 60, 60 - (from % 60)); ; minute++, left = 60)
        {
            if (minute >= axis.Length)
            {
                return (0, _last.Year + 1);
            }

            if (axis[minute] == Minute.Missing)
            {
                return (0, _first.AddDays((int)(minute / 1440)).Year);
            }

            if (axis[minute] == Minute.Working && !IsPaused(minute, paused))
            {
                if (left >= budget)
                {
                    return ((minute * 60) + 60 - left + budget, null);
                }

                budget -= left;
            }
        }
    }

    private static long WorkingSeconds(Minute[] axis, long from, long to)
    {
        long total = 0;
        for (var minute = from / 60; minute * 60 < to; minute++)
        {
            if (axis[minute] == Minute.Working)
            {
                total += Math.Min((minute + 1) * 60, to) - Math.Max(minute * 60, from);
            }
        }

        return total;
    }

    private static bool IsPaused(long minute, (long From, long To)[] paused)
    {
        foreach (var (from, to) in paused)
        {
            if (minute >= from && minute < to)
            {
                return true;
            }
        }

        return false;
    }

    /// The local second at which a working day's working time ends on the working-days axis.
    private long WorkingDayEnd(DateOnly date) =>
        ((date.DayNumber - _first.DayNumber) * (long)SecondsPerDay) + (long)(ClosesAt(date)?.ToTimeSpan().TotalSeconds ?? SecondsPerDay);

    /// Whole seconds since local midnight of the first day (Asia/Taipei has kept +08:00 since 1979,
    /// so every local minute is a real minute).
    private long LocalSecond(DateTimeOffset instant)
    {
        if (instant.UtcTicks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("The naive clock takes whole seconds.", nameof(instant));
        }

        return (long)Math.Floor((Local(instant) - _origin).TotalSeconds);
    }

    private (long From, long To)[] PausedMinutes(IReadOnlyList<SlaPause> pauses) =>
        [.. pauses.Select(pause => (LocalMinute(pause.Start), LocalMinute(pause.End)))];

    private long LocalMinute(DateTimeOffset instant)
    {
        var local = Local(instant) - _origin;
        RequireWholeMinute(local);
        return (long)Math.Floor(local.TotalMinutes);
    }

    /// The working flag of every local minute of the calendar's days for office hours [start, end)
    /// in seconds of the day, cut at early closures; built once per pair.
    private Minute[] Axis(int start, int end)
    {
        if (_axes.TryGetValue((start, end), out var cached))
        {
            return cached;
        }

        var dayCount = _last.DayNumber - _first.DayNumber + 1;
        var axis = new Minute[dayCount * 1440];
        for (var day = 0; day < dayCount; day++)
        {
            var date = _first.AddDays(day);
            var (imported, working) = (IsImported(date), IsWorkingDay(date));
            var closes = (int)(ClosesAt(date)?.ToTimeSpan().TotalSeconds ?? SecondsPerDay);
            for (var minute = 0; minute < 1440; minute++)
            {
                var (minuteStart, minuteEnd) = (minute * 60, (minute * 60) + 60);
                axis[(day * 1440) + minute] = !imported ? Minute.Missing
                    : working && minuteStart >= start && minuteEnd <= end && minuteEnd <= closes ? Minute.Working
                    : Minute.Off;
            }
        }

        _axes[(start, end)] = axis;
        return axis;
    }

    private static int RequireWholeMinute(TimeSpan time) =>
        time.Ticks % TimeSpan.TicksPerMinute == 0
            ? (int)time.TotalSeconds
            : throw new ArgumentException($"The naive clock takes boundaries on whole minutes, not {time}.", nameof(time));
}
