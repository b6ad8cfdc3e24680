using System.Globalization;
using System.Net;
using System.Text;

namespace Isms.Web.Features.Availability;

public enum DayBand
{
    NoData,
    MetTarget,
    BelowTarget,
    Poor,
}

/// The status page's bar of daily availability as SVG, one rectangle per day, drawn on the server
/// so that the page and a printed report show the same picture. Each day carries its words in a
/// title (hover, screen readers); the page lists the days that fell short in text as well, so
/// that nothing is said by colour alone.
public static class DayBarChart
{
    /// Below this a day is not merely under its target but poor.
    public const double PoorBelow = 0.95;

    private const int Step = 10;
    private const int BarWidth = 8;
    private const int Height = 30;

    public static DayBand BandOf(double? availability, decimal target) => availability switch
    {
        null => DayBand.NoData,
        { } a when a + 1e-12 >= (double)target => DayBand.MetTarget,
        >= PoorBelow => DayBand.BelowTarget,
        _ => DayBand.Poor,
    };

    public static string Colour(DayBand band) => band switch
    {
        DayBand.MetTarget => "#2f7d46",
        DayBand.BelowTarget => "#c77c00",
        DayBand.Poor => "#b3261e",
        _ => "#aeb5c1",
    };

    public static string Svg(IReadOnlyList<DayBar> days, decimal target, string label, Func<DayBar, string> describe)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(describe);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"daybar\" viewBox=\"0 0 {Math.Max(1, days.Count) * Step} {Height}\" preserveAspectRatio=\"none\" role=\"group\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{i * Step}\" y=\"0\" width=\"{BarWidth}\" height=\"{Height}\" fill=\"{Colour(BandOf(day.Availability, target))}\" role=\"img\">");
            svg.Append("<title>").Append(WebUtility.HtmlEncode(describe(day))).Append("</title></rect>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// A small square of a band's colour for the legend.
    public static string Swatch(DayBand band) =>
        $"<svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"10\" height=\"10\" fill=\"{Colour(band)}\"/></svg>";
}
