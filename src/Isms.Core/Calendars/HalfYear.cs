namespace Isms.Core.Calendars;

/// <summary>
/// A calendar half year of the agency: H1 is 1 January to 30 June, H2 is 1 July to 31 December
/// (DESIGN.md §2). Half-yearly objectives are counted per value of this type.
/// </summary>
public readonly record struct HalfYear
{
    /// <summary>Creates the half year; <paramref name="half"/> is 1 or 2.</summary>
    public HalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        if (half is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(half), half, "A half year is 1 or 2.");
        }

        Year = year;
        Half = half;
    }

    /// <summary>The Gregorian year.</summary>
    public int Year { get; }

    /// <summary>1 for January–June, 2 for July–December.</summary>
    public int Half { get; }

    /// <summary>The first day of the half year.</summary>
    public DateOnly FirstDay => new(Year, Half == 1 ? 1 : 7, 1);

    /// <summary>The last day of the half year.</summary>
    public DateOnly LastDay => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>The half year a calendar date falls in.</summary>
    public static HalfYear Of(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 2);

    /// <summary>True when the date lies in this half year.</summary>
    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>The half year before this one.</summary>
    public HalfYear Previous() => Half == 2 ? new HalfYear(Year, 1) : new HalfYear(Year - 1, 2);

    /// <summary>The half year after this one.</summary>
    public HalfYear Next() => Half == 1 ? new HalfYear(Year, 2) : new HalfYear(Year + 1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Year}-H{Half}";
}
