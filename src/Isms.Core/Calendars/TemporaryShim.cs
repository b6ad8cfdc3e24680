// TEMPORARY: a naive stand-in for the calendar API being built on branch calendar-core; deleted at merge.
#pragma warning disable IDE0011, CA1305, CA1307, CA1310, CA1822, CA1062
#pragma warning disable CS1591
using System.Globalization;
using System.Text;

namespace Isms.Core.Calendars;

public sealed record OfficeDay(DateOnly Date, bool DayOff, string Remark);

public enum CalendarFileProblem { Header, Columns, Date, Weekday, Flag, Order, MissingDay, Count, Encoding }

public sealed record CalendarFileError(int Line, CalendarFileProblem Problem, string Detail);

public sealed record OfficeCalendarParse(OfficeCalendarYear? Calendar, IReadOnlyList<CalendarFileError> Errors);

public sealed class OfficeCalendarYear
{
    public OfficeCalendarYear(IReadOnlyList<OfficeDay> days)
    {
        Days = days;
        Year = days[0].Date.Year;
        WorkingDayCount = days.Count(d => !d.DayOff);
    }

    public int Year { get; }
    public IReadOnlyList<OfficeDay> Days { get; }
    public int WorkingDayCount { get; }

    public string ToCsv()
    {
        var b = new StringBuilder("西元日期,星期,是否放假,備註\n");
        foreach (var d in Days)
        {
            b.Append(CultureInfo.InvariantCulture, $"{d.Date:yyyyMMdd},{"日一二三四五六"[(int)d.Date.DayOfWeek]},{(d.DayOff ? 2 : 0)},{d.Remark}\n");
        }
        return b.ToString();
    }
}

public static class OfficeCalendarFile
{
    public static OfficeCalendarParse Parse(ReadOnlySpan<byte> content)
    {
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines[0] != "西元日期,星期,是否放假,備註")
        {
            return new(null, [new CalendarFileError(1, CalendarFileProblem.Header, lines[0])]);
        }
        var days = new List<OfficeDay>();
        var errors = new List<CalendarFileError>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 4 || !DateOnly.TryParseExact(f[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || f[2] is not ("0" or "2"))
            {
                errors.Add(new CalendarFileError(i + 1, CalendarFileProblem.Flag, lines[i]));
                continue;
            }
            days.Add(new OfficeDay(date, f[2] == "2", f[3]));
        }
        if (days.Count is not (365 or 366)) errors.Add(new CalendarFileError(0, CalendarFileProblem.Count, days.Count.ToString(CultureInfo.InvariantCulture)));
        return errors.Count > 0 ? new(null, errors) : new(new OfficeCalendarYear(days), []);
    }
}

public sealed record Closure(DateOnly Date, TimeOnly? From);

public sealed class CalendarYearMissingException(int year) : Exception($"no calendar for {year}: import it")
{
    public int Year { get; } = year;
}

public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, bool> _off = [];
    private readonly Dictionary<DateOnly, TimeOnly?> _closures = [];

    public WorkingDayCalendar(IEnumerable<OfficeCalendarYear> years, IEnumerable<Closure> closures, TimeZoneInfo zone)
    {
        Zone = zone;
        foreach (var d in years.SelectMany(y => y.Days)) _off[d.Date] = d.DayOff;
        foreach (var c in closures) _closures[c.Date] = c.From;
        Years = _off.Keys.Select(d => d.Year).Distinct().Order().ToList();
    }

    public TimeZoneInfo Zone { get; }
    public IReadOnlyList<int> Years { get; }
    public bool HasYear(int year) => Years.Contains(year);
    public bool IsWorkingDay(DateOnly date) => _off.TryGetValue(date, out var off) ? !off && !(_closures.TryGetValue(date, out var c) && c is null) : throw new CalendarYearMissingException(date.Year);
    public TimeOnly? ClosesAt(DateOnly date) => _closures.TryGetValue(date, out var c) ? c : null;
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        var d = date;
        while (!IsWorkingDay(d)) d = d.AddDays(1);
        for (var i = 0; i < n; i++) { d = d.AddDays(1); while (!IsWorkingDay(d)) d = d.AddDays(1); }
        return d;
    }
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) n++;
        return n;
    }
}

public enum SlaRuleKind { WorkingDays, WorkingHours }

public sealed record SlaRule(SlaRuleKind Kind, int Days, TimeOnly DayStart, TimeOnly DayEnd)
{
    public static SlaRule WorkingDaysRule(int days = 2) => new(SlaRuleKind.WorkingDays, days, default, default);
    public static SlaRule WorkingHoursRule(int days, TimeOnly start, TimeOnly end) => new(SlaRuleKind.WorkingHours, days, start, end);
}

public sealed record SlaPause(DateTimeOffset Start, DateTimeOffset End);

public static class SlaClock
{
    public static DateTimeOffset DueAt(WorkingDayCalendar calendar, SlaRule rule, DateTimeOffset receivedAt) => DueAt(calendar, rule, receivedAt, []);

    public static DateTimeOffset DueAt(WorkingDayCalendar calendar, SlaRule rule, DateTimeOffset receivedAt, IReadOnlyList<SlaPause> pauses)
    {
        var local = TimeZoneInfo.ConvertTime(receivedAt, calendar.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var start = calendar.IsWorkingDay(day) && !(calendar.ClosesAt(day) is { } c && TimeOnly.FromDateTime(local.DateTime) >= c) ? day : calendar.AddWorkingDays(day.AddDays(1), 0);
        var dueDay = calendar.AddWorkingDays(start, start == day ? rule.Days : rule.Days - 1);
        var dueLocal = dueDay.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(dueLocal, calendar.Zone.GetUtcOffset(dueLocal)).ToUniversalTime();
    }

    public static bool OnTime(DateTimeOffset finishedAt, DateTimeOffset dueAt) => finishedAt <= dueAt;

    public static TimeSpan OfficeTimeUntil(WorkingDayCalendar calendar, TimeOnly dayStart, TimeOnly dayEnd, DateTimeOffset now, DateTimeOffset dueAt)
    {
        var total = TimeSpan.Zero;
        for (var t = now; t < dueAt; t = t.AddMinutes(15))
        {
            var l = TimeZoneInfo.ConvertTime(t, calendar.Zone);
            var time = TimeOnly.FromDateTime(l.DateTime);
            if (calendar.IsWorkingDay(DateOnly.FromDateTime(l.DateTime)) && time >= dayStart && time < dayEnd) total += TimeSpan.FromMinutes(15);
        }
        return total;
    }
}
