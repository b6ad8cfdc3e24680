using System.Globalization;
using System.Text;

namespace Isms.Core.Calendars;

/// <summary>
/// The official office calendar of one year: every day from 1 January to 31 December in order,
/// each a working day or a day off. Weekends are whatever the file says, so a make-up workday
/// (補行上班) on a Saturday is simply a working day.
/// </summary>
public sealed class OfficeCalendarYear
{
    /// <summary>The file's header line.</summary>
    public const string Header = "西元日期,星期,是否放假,備註";

    private const string WeekdayNames = "日一二三四五六";

    /// <summary>Creates the year; refuses anything but exactly every day of one year, in order.</summary>
    public OfficeCalendarYear(IEnumerable<OfficeDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A calendar year needs its days.", nameof(days));
        }

        var year = list[0].Date.Year;
        var expected = new DateOnly(year, 1, 1);
        foreach (var day in list)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(days));
            if (day.Date != expected)
            {
                throw new ArgumentException($"Expected {expected:yyyy-MM-dd} but found {day.Date:yyyy-MM-dd}: a year lists every day once, in order.", nameof(days));
            }

            expected = expected.AddDays(1);
        }

        if (expected != new DateOnly(year + 1, 1, 1))
        {
            throw new ArgumentException($"The year {year} stops at {expected.AddDays(-1):yyyy-MM-dd}.", nameof(days));
        }

        Year = year;
        Days = Array.AsReadOnly(list);
        WorkingDayCount = list.Count(day => !day.DayOff);
    }

    /// <summary>The Gregorian year.</summary>
    public int Year { get; }

    /// <summary>Every day of the year, 1 January first.</summary>
    public IReadOnlyList<OfficeDay> Days { get; }

    /// <summary>How many days are working days (flag 0), make-up workdays included.</summary>
    public int WorkingDayCount { get; }

    /// <summary>The row of one date of this year.</summary>
    public OfficeDay this[DateOnly date] =>
        date.Year == Year ? Days[date.DayOfYear - 1] : throw new ArgumentOutOfRangeException(nameof(date), date, $"Not a day of {Year}.");

    /// <summary>
    /// The year in the official file format, as UTF-8 text without a byte-order mark: the header,
    /// then one line per day (<c>20260101,四,2,開國紀念日</c>), each line ending in LF as every
    /// text file of the repository does. <see cref="OfficeCalendarFile.Parse"/> reads it back.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder(Header.Length + 1 + (Days.Count * 24));
        csv.Append(Header).Append('\n');
        foreach (var day in Days)
        {
            csv.Append(day.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
                .Append(',').Append(WeekdayName(day.Date.DayOfWeek))
                .Append(',').Append(day.DayOff ? '2' : '0')
                .Append(',').Append(day.Remark)
                .Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>The one-character weekday the file uses (一 to 六, 日 for Sunday).</summary>
    public static char WeekdayName(DayOfWeek day) => WeekdayNames[(int)day];
}
