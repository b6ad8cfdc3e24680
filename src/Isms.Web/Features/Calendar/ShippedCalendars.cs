using System.Security.Cryptography;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Platform.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Calendar;

/// Loads the office calendars shipped with ISMS (Features/Calendar/Official/*.csv) for every year
/// the database does not have yet. A year the security office imported is never overwritten.
public sealed class ShippedCalendars(TimeProvider clock) : IReferenceData
{
    public async Task SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        var present = await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken);
        var added = false;
        foreach (var (year, content) in CalendarImport.ShippedFiles().Where(f => !present.Contains(f.Year)))
        {
            var calendar = OfficeCalendarFile.Parse(content).Calendar
                ?? throw new InvalidOperationException($"The shipped calendar for {year} does not parse.");
            db.Add(new CalendarYear
            {
                Year = calendar.Year,
                Content = calendar.ToCsv(),
                SourceSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Source = "shipped",
                WorkingDays = calendar.WorkingDayCount,
                ImportedAt = clock.GetUtcNow(),
            });
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
