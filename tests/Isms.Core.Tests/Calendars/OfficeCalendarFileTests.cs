using System.Text;
using Isms.Core.Calendars;

namespace Isms.Core.Tests.Calendars;

// Issue 4: importing the government's office calendar file (行政機關辦公日曆表).
public sealed class OfficeCalendarFileTests
{
    private static readonly Encoding Big5 = CodePagesEncodingProvider.Instance.GetEncoding(950)!;

    // Line 1 is the header, so day n of 2025 is on line n + 1: 2025-03-05 (day 64) is line 65.
    private static string Csv2025 => ShippedCalendars.Y2025.ToCsv();

    [Fact]
    public void Parse_Utf8WithBom_ReadsTheYear()
    {
        var parse = OfficeCalendarFile.Parse(ShippedCalendars.Bytes(2026));

        Assert.Empty(parse.Errors);
        Assert.True(parse.Succeeded);
        Assert.Equal(new OfficeDay(new DateOnly(2026, 1, 1), true, "開國紀念日"), parse.Calendar!.Days[0]);
    }

    [Fact]
    public void Parse_Utf8WithoutBom_ReadsTheYear()
    {
        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(Csv2025));

        Assert.Equal(ShippedCalendars.Y2025.Days, parse.Calendar!.Days);
    }

    [Fact]
    public void Parse_Big5_ReadsTheYear()
    {
        var bytes = Big5.GetBytes(Csv2025);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes)); // so the Big5 path is the one taken

        var parse = OfficeCalendarFile.Parse(bytes);

        Assert.Empty(parse.Errors);
        Assert.Equal(ShippedCalendars.Y2025.Days, parse.Calendar!.Days);
        Assert.Equal("臺灣光復暨金門古寧頭大捷紀念日", parse.Calendar[new DateOnly(2025, 10, 25)].Remark);
    }

    [Fact]
    public void Parse_CrlfQuotedFieldsAndBlankTrailingLines_ReadsTheYear()
    {
        var quoted = string.Join("\r\n", Csv2025.TrimEnd('\n').Split('\n')
            .Select(line => string.Join(',', line.Split(',').Select(field => $"\"{field}\"")))) + "\r\n\r\n  \r\n";

        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(quoted));

        Assert.Empty(parse.Errors);
        Assert.Equal(ShippedCalendars.Y2025.Days, parse.Calendar!.Days);
    }

    [Fact]
    public void ToCsv_ParsedBack_GivesTheSameYear()
    {
        var csv = ShippedCalendars.Y2026.ToCsv();

        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(ShippedCalendars.Y2026.Days, parse.Calendar!.Days);
        Assert.Equal(csv, parse.Calendar.ToCsv());
        Assert.DoesNotContain('\r', csv); // documented: LF line ends
    }

    [Theory]
    [InlineData(1, "日期,星期,是否放假,備註", 1, CalendarFileProblem.Header, "日期,星期,是否放假,備註")] // wrong header
    [InlineData(65, null, 65, CalendarFileProblem.MissingDays, "20250305")] // 2025-03-05 left out: reported where it should be
    [InlineData(65, "20250305,三,1,", 65, CalendarFileProblem.Flag, "1")] // a flag other than 0 or 2
    [InlineData(65, "20250305,四,0,", 65, CalendarFileProblem.Weekday, "四")] // 2025-03-05 is a Wednesday
    [InlineData(65, "20250305,Wed,0,", 65, CalendarFileProblem.Weekday, "Wed")] // not one of 一二三四五六日
    [InlineData(60, "20250230,日,2,", 60, CalendarFileProblem.Date, "20250230")] // no such date; the next line still fits
    [InlineData(65, "2025-03-05,三,0,", 65, CalendarFileProblem.Date, "2025-03-05")] // not yyyyMMdd
    [InlineData(65, "20250305,三,0", 65, CalendarFileProblem.ColumnCount, "20250305,三,0")] // three fields
    [InlineData(65, "20250305,三,0,a,b", 65, CalendarFileProblem.ColumnCount, "20250305,三,0,a,b")] // five fields
    [InlineData(65, "\n20250305,三,0,", 65, CalendarFileProblem.ColumnCount, "")] // a blank line that is not at the end
    [InlineData(65, "20250304,二,0,\n20250305,三,0,", 65, CalendarFileProblem.Duplicate, "20250304")] // 03-04 listed twice
    [InlineData(65, "20240305,二,0,\n20250305,三,0,", 65, CalendarFileProblem.OtherYear, "20240305")] // a day of another year slipped in
    [InlineData(65, "20250305,三,0,say \"hi\"", 65, CalendarFileProblem.Remark, "say \"hi\"")] // a quote in the remark
    [InlineData(366, null, 365, CalendarFileProblem.MissingDays, "20251231")] // the file stops on 12-30
    [InlineData(2, null, 2, CalendarFileProblem.MissingDays, "20250101")] // the file starts on 01-02
    public void Parse_OneBadLine_ReportsThatLineAndNoCalendar(int line, string? replacement, int errorLine, CalendarFileProblem problem, string detail)
    {
        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(Replace(Csv2025, line, replacement)));

        Assert.Null(parse.Calendar);
        Assert.False(parse.Succeeded);
        Assert.Equal([new CalendarFileError(errorLine, problem, detail)], parse.Errors);
    }

    [Fact]
    public void Parse_TwoDaysSwapped_ReportsTheGapAndTheLateDay()
    {
        var lines = Csv2025.Split('\n');
        (lines[64], lines[65]) = (lines[65], lines[64]); // lines 65 and 66: 03-06 before 03-05

        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal([new(65, CalendarFileProblem.MissingDays, "20250305"), new CalendarFileError(66, CalendarFileProblem.OutOfOrder, "20250305")], parse.Errors);
    }

    [Fact]
    public void Parse_SeveralBadLines_ListsEveryOneWithItsLine()
    {
        var csv = Replace(Csv2025, 1, "date,weekday,off,remark");
        csv = Replace(csv, 10, "20250109,五,0,"); // 2025-01-09 is a Thursday
        csv = Replace(csv, 100, "20250409,三,x,");
        csv = Replace(csv, 200, "20250718,五");
        csv = Replace(csv, 300, "20251026,日,2,\"");
        csv = Replace(csv, 320, null); // 2025-11-15 left out

        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Null(parse.Calendar);
        Assert.Equal(
            [
                new(1, CalendarFileProblem.Header, "date,weekday,off,remark"),
                new(10, CalendarFileProblem.Weekday, "五"),
                new(100, CalendarFileProblem.Flag, "x"),
                new(200, CalendarFileProblem.ColumnCount, "20250718,五"),
                new(300, CalendarFileProblem.Remark, "\""),
                new CalendarFileError(320, CalendarFileProblem.MissingDays, "20251115"),
            ],
            parse.Errors);
    }

    [Theory]
    [InlineData("")] // nothing at all
    [InlineData("\n\n")] // only blank lines
    public void Parse_EmptyFile_ReportsHeaderAndNoDays(string content)
    {
        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(content));

        Assert.Null(parse.Calendar);
        Assert.Equal([new(1, CalendarFileProblem.Header, ""), new CalendarFileError(1, CalendarFileProblem.Empty, "")], parse.Errors);
    }

    [Fact]
    public void Parse_HeaderOnly_ReportsNoDays() =>
        Assert.Equal([new CalendarFileError(2, CalendarFileProblem.Empty, "")], OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(OfficeCalendarYear.Header + "\n")).Errors);

    [Fact]
    public void Parse_NoHeader_ReportsTheHeaderButStillReadsTheFirstDay()
    {
        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(Replace(Csv2025, 1, null)));

        Assert.Equal([new CalendarFileError(1, CalendarFileProblem.Header, "20250101,三,2,開國紀念日")], parse.Errors);
    }

    [Fact]
    public void Parse_TwoYearsInOneFile_ReportsEveryDayOfTheSecond()
    {
        var csv = Csv2025 + string.Join('\n', ShippedCalendars.Y2026.ToCsv().Split('\n').Skip(1));

        var parse = OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(365, parse.Errors.Count);
        Assert.All(parse.Errors, error => Assert.Equal(CalendarFileProblem.OtherYear, error.Problem));
        Assert.Equal(367, parse.Errors[0].Line);
    }

    // Replaces (or with null removes) the 1-based line; a replacement with a line break inserts lines.
    private static string Replace(string csv, int line, string? replacement)
    {
        var lines = csv.Split('\n').ToList();
        if (replacement is null)
        {
            lines.RemoveAt(line - 1);
        }
        else
        {
            lines[line - 1] = replacement;
        }

        return string.Join('\n', lines);
    }
}
