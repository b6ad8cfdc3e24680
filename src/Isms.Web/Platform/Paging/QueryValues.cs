namespace Isms.Web.Platform.Paging;

/// Filters that arrive as text: minimal APIs bind enums from the query string case-sensitively and
/// answer an unknown value with a bare 400, so lists take names as text and parse them here,
/// turning an unknown value into a field error of their own.
public static class QueryValues
{
    /// The enum value named by the text in any letter case; null when empty, numeric or unknown.
    public static T? ParseEnum<T>(string? text)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0]) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
