using System.Globalization;

namespace Isms.Core.Calendars;

/// <summary>
/// Dates in the Republic of China (民國) era, which Taiwanese government documents use: year 1 is
/// 1912, so 2026 is 民國 115.
/// </summary>
public static class RocYear
{
    /// <summary>The first Gregorian year of the ROC era.</summary>
    public const int EraStart = 1912;

    /// <summary>The ROC year of a Gregorian year; years before 1912 have none.</summary>
    public static int FromGregorian(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, EraStart);
        return year - EraStart + 1;
    }

    /// <summary>A date as written in zh-TW with the ROC year, e.g. 民國115年11月25日.</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"民國{FromGregorian(date.Year)}年{date.Month}月{date.Day}日");

    /// <summary>A date with time as written in zh-TW with the ROC year, e.g. 民國115年11月25日 14:05.</summary>
    public static string FormatDateTime(DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{FormatDate(DateOnly.FromDateTime(local))} {local:HH:mm}");
}
