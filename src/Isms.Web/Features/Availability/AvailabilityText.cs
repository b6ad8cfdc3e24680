using System.Globalization;
using Isms.Core.Calendars;
using Isms.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// How availability figures read on a page. Percentages are cut, never rounded up, so that
/// 99.996 % never reads as 100 % and a figure just under the target never reads as meeting it.
public static class AvailabilityText
{
    public static string Percent(double? fraction) => fraction is { } f
        ? (Math.Floor((f * 10_000) + 1e-7) / 100).ToString("0.00", CultureInfo.InvariantCulture) + " %"
        : "—";

    public static string Target(decimal target) => (target * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";

    /// An instant to the second, for outages that last seconds. DisplayFormat writes instants to
    /// the minute (in either calendar); the seconds follow.
    public static string Exact(DisplayFormat format, AgencyTime agency, DateTimeOffset? instant) =>
        instant is { } value ? format.Instant(value) + agency.ToLocal(value).ToString(":ss", CultureInfo.InvariantCulture) : "";

    /// A length of time in hours and minutes, or minutes and seconds under an hour.
    public static string Duration(IStringLocalizer text, long seconds)
    {
        var s = Math.Abs(seconds);
        var sign = seconds < 0 ? "−" : "";
        return s >= 3600 ? sign + string.Format(CultureInfo.InvariantCulture, text["{0} h {1} min"], s / 3600, s % 3600 / 60)
            : s >= 60 ? sign + string.Format(CultureInfo.InvariantCulture, text["{0} min {1} s"], s / 60, s % 60)
            : sign + string.Format(CultureInfo.InvariantCulture, text["{0} s"], s);
    }

    /// The error budget left, said plainly when it is overspent rather than as a negative figure.
    public static string Budget(IStringLocalizer text, long seconds) =>
        seconds >= 0 ? Duration(text, seconds) : string.Format(CultureInfo.InvariantCulture, text["overspent by {0}"], Duration(text, -seconds));

    /// The badge class beside a state; the state's name is always written out as well.
    public static string StateClass(ServiceState state) => state switch
    {
        ServiceState.Up => "ok",
        ServiceState.Degraded => "warning",
        ServiceState.Down => "danger",
        ServiceState.Maintenance => "info",
        _ => "",
    };

    /// One day of the status bar in words: the hover text and what a screen reader says.
    public static string Day(IStringLocalizer text, DisplayFormat format, DayBar day)
    {
        var parts = new List<string>
        {
            day.Availability is null ? text["no data"] : string.Format(CultureInfo.InvariantCulture, text["{0} available"], Percent(day.Availability)),
        };
        if (day.DowntimeSeconds > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, text["down {0}"], Duration(text, day.DowntimeSeconds)));
        }

        if (day.UnknownSeconds > 0 && day.Availability is not null)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, text["no data for {0}"], Duration(text, day.UnknownSeconds)));
        }

        if (day.PlannedSeconds > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, text["maintenance {0}"], Duration(text, day.PlannedSeconds)));
        }

        return format.Date(day.Date) + ": " + string.Join("; ", parts);
    }
}
