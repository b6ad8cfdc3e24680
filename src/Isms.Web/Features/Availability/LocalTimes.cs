using System.Globalization;
using Isms.Core.Calendars;

namespace Isms.Web.Features.Availability;

/// Times on the availability forms are typed and shown as Taipei wall-clock time (datetime-local
/// fields) and stored as UTC instants.
public static class LocalTimes
{
    public static DateTimeOffset? FromLocal(this AgencyTime agency, DateTime? local)
    {
        if (local is not { } value)
        {
            return null;
        }

        var wall = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, agency.Zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    public static DateTime? ToLocalInput(this AgencyTime agency, DateTimeOffset? instant) =>
        instant is { } value ? agency.ToLocal(value).DateTime : null;

    /// The value of a datetime-local field: seconds only when the time has them, so that an
    /// outage's exact start survives an edit that does not mean to move it.
    public static string InputValue(DateTime? local) => local is not { } value ? ""
        : value.Millisecond != 0 ? value.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)
        : value.Second != 0 ? value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
