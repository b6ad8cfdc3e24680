using System.Globalization;
using System.Net;
using System.Text;

namespace Isms.Web.Features.ServiceDesk;

/// The monthly on-time rate against the goal as SVG, drawn on the server so that the page and a
/// printed report show the same chart.
public static class QaRateChart
{
    private const int Width = 600;
    private const int Height = 200;
    private const int Left = 40;

    public static string Svg(QaAchievementReport report, string label)
    {
        var bar = (Width - Left) / 12.0;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" style=\"max-width:100%;background:var(--card)\">");
        var goal = Y(report.GoalPercent);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width}\" y1=\"{N(goal)}\" y2=\"{N(goal)}\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{N(goal + 4)}\" font-size=\"11\">{report.GoalPercent:0.#}%</text>");
        for (var month = 1; month <= 12; month++)
        {
            var x = Left + ((month - 1) * bar) + 4;
            var row = report.ByMonth.FirstOrDefault(m => m.Key == month.ToString("00", CultureInfo.InvariantCulture));
            if (row?.Rate is { } rate)
            {
                var top = Y(rate);
                var colour = rate >= report.GoalPercent ? "#2f7d46" : "#c0392b";
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(top)}\" width=\"{N(bar - 8)}\" height=\"{N(Height - 20 - top)}\" fill=\"{colour}\"><title>{row.Label}: {rate:0.0} %</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + ((bar - 8) / 2))}\" y=\"{Height - 5}\" font-size=\"11\" text-anchor=\"middle\">{month}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static double Y(decimal percent) => Height - 20 - ((double)percent / 100 * (Height - 40));

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
