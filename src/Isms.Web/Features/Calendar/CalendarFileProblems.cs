using Isms.Core.Calendars;

namespace Isms.Web.Features.Calendar;

/// The English message for each problem a calendar file can have; the message is also the key of
/// its zh-TW translation.
public static class CalendarFileProblems
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["Empty"] = "The file is empty.",
        ["Header"] = "The first line must be the header 西元日期,星期,是否放假,備註.",
        ["ColumnCount"] = "A line must have four columns: date, weekday, day-off flag, remark.",
        ["Date"] = "The date must be written yyyyMMdd.",
        ["Weekday"] = "The weekday does not match the date.",
        ["Flag"] = "The day-off flag must be 0 (working day) or 2 (day off).",
        ["Remark"] = "A remark cannot contain a double quote.",
        ["OutOfOrder"] = "The dates must follow each other day by day.",
        ["Duplicate"] = "A date appears twice.",
        ["MissingDays"] = "Days of the year are missing.",
        ["OtherYear"] = "Every date must be in the same year.",
    };

    public static string Message(CalendarFileProblem problem) =>
        Messages.TryGetValue(problem.ToString(), out var message) ? message : problem.ToString();

    public static IEnumerable<string> All => Messages.Values;
}
