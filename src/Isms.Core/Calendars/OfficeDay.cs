namespace Isms.Core.Calendars;

/// <summary>
/// One row of the government's office calendar (行政機關辦公日曆表): a date, whether offices are
/// closed that day, and the remark the file gives (a holiday's name, 補假, 補行上班, or empty).
/// </summary>
public sealed record OfficeDay
{
    /// <summary>Creates the day; the remark is kept as one CSV field, so it holds no comma, quote or line break.</summary>
    public OfficeDay(DateOnly date, bool dayOff, string remark)
    {
        ArgumentNullException.ThrowIfNull(remark);
        if (remark.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            throw new ArgumentException("A remark cannot hold a comma, a quote or a line break.", nameof(remark));
        }

        Date = date;
        DayOff = dayOff;
        Remark = remark;
    }

    /// <summary>The calendar date.</summary>
    public DateOnly Date { get; }

    /// <summary>True when government offices are closed (flag 2 in the file); false for a working day (flag 0).</summary>
    public bool DayOff { get; }

    /// <summary>The file's remark; empty for an ordinary day.</summary>
    public string Remark { get; }
}
