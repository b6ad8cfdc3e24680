using Isms.Core.Calendars;

namespace Isms.Core.Availability;

/// <summary>
/// The calendar periods of DESIGN.md §2 (days, months, half years, years in the agency's zone) as
/// UTC intervals: each runs from the local midnight that starts its first day to the one after its
/// last day. In Asia/Taipei a day starts at 16:00 UTC the day before.
/// </summary>
public static class AgencyPeriods
{
    /// <summary>One local day.</summary>
    public static Interval Day(this AgencyTime agency, DateOnly date) => Range(agency, date, date);

    /// <summary>One calendar month; <paramref name="month"/> is 1 to 12.</summary>
    public static Interval Month(this AgencyTime agency, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return Range(agency, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>A half year: 1 January to 30 June, or 1 July to 31 December.</summary>
    public static Interval HalfYear(this AgencyTime agency, HalfYear halfYear) => Range(agency, halfYear.FirstDay, halfYear.LastDay);

    /// <summary>A calendar year.</summary>
    public static Interval Year(this AgencyTime agency, int year) => Range(agency, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The days from <paramref name="from"/> to <paramref name="toInclusive"/>, both included.</summary>
    public static Interval Range(this AgencyTime agency, DateOnly from, DateOnly toInclusive)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (toInclusive < from)
        {
            throw new ArgumentException("The last day cannot be before the first.", nameof(toInclusive));
        }

        return new Interval(agency.StartOf(from), agency.StartOf(toInclusive.AddDays(1)));
    }
}
