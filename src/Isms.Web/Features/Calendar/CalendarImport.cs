using System.Security.Cryptography;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Calendar;

public sealed record CalendarImportError(int Line, string Message);

public sealed record CalendarImportResult(int? Year, int WorkingDays, bool Replaced, IReadOnlyList<CalendarImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// Imports one year of the office calendar: every row is checked first, and a file with any bad
/// row changes nothing. A year already present is replaced, and every open form's due time is
/// worked out again on the new calendar in the same transaction.
public sealed class CalendarImport(IsmsDbContext db, Caller caller, Today today, CalendarChanges changes, IStringLocalizer<SharedResource> text)
{
    public const int MaxFileBytes = 256 * 1024;

    public async Task<CalendarImportResult> ImportAsync(string source, byte[] content, CancellationToken cancellationToken)
    {
        if (content.Length > MaxFileBytes)
        {
            return new CalendarImportResult(null, 0, false, [new CalendarImportError(0, text["The file is larger than 256 KB; a year's calendar is about 10 KB."])]);
        }

        var parsed = OfficeCalendarFile.Parse(content);
        if (parsed.Calendar is not { } calendar)
        {
            return new CalendarImportResult(null, 0, false, parsed.Errors.Select(e => new CalendarImportError(e.Line, Describe(e))).ToList());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Set<CalendarYear>().SingleOrDefaultAsync(y => y.Year == calendar.Year, cancellationToken);
        var replaced = stored is not null;
        if (stored is null)
        {
            stored = new CalendarYear { Year = calendar.Year, Content = "", SourceSha256 = "", Source = "" };
            db.Add(stored);
        }

        stored.Content = calendar.ToCsv();
        stored.SourceSha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        stored.Source = source.Length > 200 ? source[..200] : source;
        stored.WorkingDays = calendar.WorkingDayCount;
        stored.ImportedAt = today.Now;
        stored.ImportedById = caller.AccountId;
        await db.SaveChangesAsync(cancellationToken);
        await changes.CalendarChangedAsync(CalendarChange.Everything, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CalendarImportResult(calendar.Year, calendar.WorkingDayCount, replaced, []);
    }

    /// The calendar files shipped inside the application (Features/Calendar/Official/*.csv).
    public static IEnumerable<(int Year, byte[] Content)> ShippedFiles()
    {
        var assembly = typeof(CalendarImport).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Isms.Web.Calendar.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (int.TryParse(name["Isms.Web.Calendar.".Length..^".csv".Length], out var year))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                yield return (year, buffer.ToArray());
            }
        }
    }

    private string Describe(CalendarFileError error) =>
        $"{text[CalendarFileProblems.Message(error.Problem)]}{(string.IsNullOrEmpty(error.Detail) ? "" : $" ({error.Detail})")}";
}
