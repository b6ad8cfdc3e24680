using System.Text;

namespace Isms.Core.Calendars;

/// <summary>
/// Reads the government's yearly office calendar file (行政機關辦公日曆表, header
/// <c>西元日期,星期,是否放假,備註</c>). Every line is checked and every bad line reported, so that
/// whoever imports a file fixes it in one go; a file with any bad line yields no calendar at all.
/// </summary>
public static class OfficeCalendarFile
{
    private static readonly UTF8Encoding Utf8Text = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Reads one year's file. The encoding is detected: a UTF-8 byte-order mark means UTF-8, bytes
    /// that are valid UTF-8 mean UTF-8, anything else is read as Big5 (code page 950), which older
    /// files use. Lines may end in LF or CRLF; fields may be wrapped in double quotes; blank lines
    /// at the end are ignored.
    /// </summary>
    public static OfficeCalendarParse Parse(ReadOnlySpan<byte> content)
    {
        var lines = Decode(content).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var errors = new List<CalendarFileError>();
        var firstRow = 2;
        if (lines.Count == 0 || OfficeCalendarRows.Fields(lines[0]) is not ["西元日期", "星期", "是否放假", "備註"])
        {
            errors.Add(new CalendarFileError(1, CalendarFileProblem.Header, lines.Count == 0 ? "" : lines[0]));

            // A file that lacks its header still has its first row checked, rather than reported
            // as a missing 1 January that hides what is really wrong.
            if (lines.Count > 0 && OfficeCalendarRows.StartsWithDate(lines[0]))
            {
                firstRow = 1;
            }
        }

        var rows = new OfficeCalendarRows(errors, lines.Skip(firstRow - 1));
        for (var line = firstRow; line <= lines.Count; line++)
        {
            rows.Check(line, lines[line - 1]);
        }

        rows.Finish(lines.Count + 1);
        return errors.Count > 0
            ? new OfficeCalendarParse(null, errors.OrderBy(error => error.Line).ToArray())
            : new OfficeCalendarParse(new OfficeCalendarYear(rows.Days), []);
    }

    private static string Decode(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith(bom))
        {
            return Utf8Text.GetString(content[bom.Length..]);
        }

        if (System.Text.Unicode.Utf8.IsValid(content))
        {
            return Utf8Text.GetString(content);
        }

        // Code page 950 ships with .NET; asking the provider directly avoids registering it process-wide.
        var big5 = CodePagesEncodingProvider.Instance.GetEncoding(950)
            ?? throw new InvalidOperationException("Big5 (code page 950) is not available.");
        return big5.GetString(content);
    }
}
