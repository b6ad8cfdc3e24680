using System.Globalization;

namespace Isms.Core.Calendars;

/// Checks the day rows of an office calendar file one by one against each other: the fields of a
/// row, then the row's place in the year (in order, once, no gap, one year).
internal sealed class OfficeCalendarRows
{
    private readonly List<CalendarFileError> _errors;
    private readonly List<OfficeDay> _days = [];
    private readonly HashSet<DateOnly> _seen = [];
    private readonly int? _year;
    private DateOnly? _last;
    private int _lastLine;

    public OfficeCalendarRows(List<CalendarFileError> errors, IEnumerable<string> lines)
    {
        _errors = errors;

        // The file's year is the one most rows name, so a single mistyped year is reported on its
        // own line instead of making every other line look as if it belonged to another year.
        _year = lines.Select(line => ParseDate(Fields(line)[0])).OfType<DateOnly>()
            .GroupBy(date => date.Year)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key)
            .Select(group => (int?)group.Key).FirstOrDefault();
    }

    public IReadOnlyList<OfficeDay> Days => _days;

    public void Check(int line, string text)
    {
        _lastLine = line;
        var fields = Fields(text);
        if (fields.Length != 4)
        {
            Report(line, CalendarFileProblem.ColumnCount, text);
            if (!string.IsNullOrWhiteSpace(text))
            {
                Follow(line, fields[0], ParseDate(fields[0]));
            }

            return;
        }

        var errorsBefore = _errors.Count;
        var date = ParseDate(fields[0]);
        if (date is null)
        {
            Report(line, CalendarFileProblem.Date, fields[0]);
        }

        if (fields[1] is not [var weekday] || (date is { } day && weekday != OfficeCalendarYear.WeekdayName(day.DayOfWeek))
            || !"一二三四五六日".Contains(weekday, StringComparison.Ordinal))
        {
            Report(line, CalendarFileProblem.Weekday, fields[1]);
        }

        if (fields[2] is not ("0" or "2"))
        {
            Report(line, CalendarFileProblem.Flag, fields[2]);
        }

        if (fields[3].Contains('"', StringComparison.Ordinal))
        {
            Report(line, CalendarFileProblem.Remark, fields[3]);
        }

        Follow(line, fields[0], date);
        if (_errors.Count == errorsBefore && date is { } valid)
        {
            _days.Add(new OfficeDay(valid, fields[2] == "2", fields[3]));
        }
    }

    public void Finish(int endLine)
    {
        if (_lastLine == 0)
        {
            Report(endLine, CalendarFileProblem.Empty, "");
        }
        else if (_year is { } year && (_last is null || _last < new DateOnly(year, 12, 31)))
        {
            Report(_lastLine, CalendarFileProblem.MissingDays, Range(NextDay(year), new DateOnly(year, 12, 31)));
        }
    }

    public static string[] Fields(string line) =>
        line.Split(',').Select(field => field.Trim(' ', '\t')).Select(field =>
            field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field).ToArray();

    public static bool StartsWithDate(string line) => ParseDate(Fields(line)[0]) is not null;

    // Places a row's date in the year. A row whose date cannot be read stands for the day after the
    // previous one, so one garbled date is one error rather than also a gap and a misplaced day.
    private void Follow(int line, string text, DateOnly? date)
    {
        if (_year is not { } year)
        {
            return;
        }

        var expected = NextDay(year);
        if (date is not { } day)
        {
            _last = expected;
            return;
        }

        if (day.Year != year)
        {
            Report(line, CalendarFileProblem.OtherYear, text);
        }
        else if (day < expected)
        {
            Report(line, _seen.Contains(day) ? CalendarFileProblem.Duplicate : CalendarFileProblem.OutOfOrder, text);
        }
        else
        {
            if (day > expected)
            {
                Report(line, CalendarFileProblem.MissingDays, Range(expected, day.AddDays(-1)));
            }

            _last = day;
        }

        _seen.Add(day);
    }

    private DateOnly NextDay(int year) => _last is { } last && last < DateOnly.MaxValue ? last.AddDays(1) : new DateOnly(year, 1, 1);

    private void Report(int line, CalendarFileProblem problem, string detail) => _errors.Add(new CalendarFileError(line, problem, detail));

    private static string Range(DateOnly first, DateOnly last) =>
        first == last ? Format(first) : $"{Format(first)}-{Format(last)}";

    private static string Format(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string text) =>
        text.Length == 8 && text.All(char.IsAsciiDigit)
        && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
