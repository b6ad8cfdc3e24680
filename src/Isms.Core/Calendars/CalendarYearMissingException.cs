namespace Isms.Core.Calendars;

/// <summary>
/// A working-day question touched a year whose office calendar has not been imported. Counting that
/// year's weekdays instead would give wrong due dates around its holidays without anyone noticing,
/// so the question is refused until the year's file is imported.
/// </summary>
public sealed class CalendarYearMissingException : Exception
{
    /// <summary>Creates the exception for the year that has no calendar.</summary>
    public CalendarYearMissingException(int year)
        : base($"no calendar for {year}: import it")
    {
        Year = year;
    }

    /// <summary>The Gregorian year that must be imported.</summary>
    public int Year { get; }
}
