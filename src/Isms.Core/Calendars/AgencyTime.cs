namespace Isms.Core.Calendars;

/// <summary>
/// Converts instants (stored in UTC) to the agency's calendar, whose zone comes from configuration
/// (Asia/Taipei by default) and never from the server's own zone.
/// </summary>
public sealed class AgencyTime
{
    /// <summary>Creates the converter for one time zone.</summary>
    public AgencyTime(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>The agency's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The instant as wall-clock time in the agency's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The agency's calendar date at an instant.</summary>
    public DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant at which a local calendar date begins in the agency's zone.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
