namespace Isms.Core.Calendars;

/// <summary>What is wrong with a line of an office calendar file. The web shows each member in the reader's language, so the names are stable.</summary>
public enum CalendarFileProblem
{
    /// <summary>The file holds no day rows at all.</summary>
    Empty,

    /// <summary>The first line is not <c>西元日期,星期,是否放假,備註</c>.</summary>
    Header,

    /// <summary>The line does not have exactly four comma-separated fields (a blank line in the middle included).</summary>
    ColumnCount,

    /// <summary>The date is not a real date written <c>yyyyMMdd</c>.</summary>
    Date,

    /// <summary>The weekday is not one of 一二三四五六日, or not the weekday of the date.</summary>
    Weekday,

    /// <summary>The day-off flag is neither 0 (working day) nor 2 (day off).</summary>
    Flag,

    /// <summary>The remark holds a double quote.</summary>
    Remark,

    /// <summary>The date comes before a date listed earlier in the file.</summary>
    OutOfOrder,

    /// <summary>The date was already listed.</summary>
    Duplicate,

    /// <summary>Days of the year are missing before this line (or, on the last line, after it); the detail names them.</summary>
    MissingDays,

    /// <summary>The date belongs to another year than the rest of the file.</summary>
    OtherYear,
}

/// <summary>One problem on one line of an office calendar file.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Detail">The offending text as found in the file, or for <see cref="CalendarFileProblem.MissingDays"/> the missing dates (<c>20250301-20250302</c>).</param>
public sealed record CalendarFileError(int Line, CalendarFileProblem Problem, string Detail);

/// <summary>
/// The outcome of reading an office calendar file: the year when every line is right, otherwise
/// no year at all and every problem found.
/// </summary>
/// <param name="Calendar">The year, or null whenever <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem, in line order.</param>
public sealed record OfficeCalendarParse(OfficeCalendarYear? Calendar, IReadOnlyList<CalendarFileError> Errors)
{
    /// <summary>True when the file was read without a problem.</summary>
    public bool Succeeded => Calendar is not null && Errors.Count == 0;
}
