using System.Globalization;

namespace Isms.Web.Features.Availability;

/// The HTTP status codes a monitor accepts, written as codes and ranges: "200-299,301".
public sealed record ExpectedStatus(IReadOnlyList<(int From, int To)> Ranges)
{
    public bool Accepts(int status) => Ranges.Any(r => status >= r.From && status <= r.To);

    public static bool TryParse(string? text, out ExpectedStatus expected)
    {
        expected = new ExpectedStatus([]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var ranges = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !TryCode(bounds[0], out var from))
            {
                return false;
            }

            var to = from;
            if (bounds.Length == 2 && (!TryCode(bounds[1], out to) || to < from))
            {
                return false;
            }

            ranges.Add((from, to));
        }

        expected = new ExpectedStatus(ranges);
        return ranges.Count > 0;
    }

    private static bool TryCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 599;
}
