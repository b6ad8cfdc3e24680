using System.Globalization;
using Isms.Core.Calendars;

namespace Isms.Web.Platform.Localization;

/// How dates and instants read on a page: always in the agency's zone, and in zh-TW with 民國 years
/// when the user asked for them.
public sealed class DisplayFormat(AgencyTime agency, IHttpContextAccessor http)
{
    public const string RocCookie = "isms.roc";

    public bool UseRocYears =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)
        && http.HttpContext?.Request.Cookies[RocCookie] == "1";

    // Years before the ROC era (1912) have no 民國 year: they are shown as Gregorian years.
    public string Date(DateOnly? date) => date is not { } d ? "" :
        UseRocYears && d.Year >= RocYear.EraStart ? RocYear.FormatDate(d) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Instant(DateTimeOffset? instant)
    {
        if (instant is not { } value)
        {
            return "";
        }

        var local = agency.ToLocal(value).DateTime;
        return UseRocYears && local.Year >= RocYear.EraStart
            ? RocYear.FormatDateTime(local)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// A name kept in both languages: the Chinese one for a zh reader when there is one.
    public static string Pick(string name, string? nameZh) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(nameZh) ? nameZh : name;
}
