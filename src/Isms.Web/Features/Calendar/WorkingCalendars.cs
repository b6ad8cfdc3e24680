using System.Text;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Calendar;

/// The working-day calendars as stored now: every imported year and every declared closure, read
/// from the database on each use so that every node of a cluster sees the same calendar the moment
/// it changes. A set is cheap (a few years of 366 rows) and is built once per request that needs it.
public sealed class WorkingCalendars(IsmsDbContext db, AgencyTime agency)
{
    public async Task<CalendarSet> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).Select(y => y.Content).ToListAsync(cancellationToken);
        var years = stored
            .Select(content => OfficeCalendarFile.Parse(Encoding.UTF8.GetBytes(content)).Calendar
                ?? throw new InvalidOperationException("A stored calendar year no longer parses."))
            .ToList();
        var closures = await db.Set<OfficeClosure>().AsNoTracking()
            .Select(c => new { c.Location, c.Date, c.From })
            .ToListAsync(cancellationToken);
        return new CalendarSet(years, closures.ToLookup(c => c.Location, c => new Closure(c.Date, c.From), StringComparer.Ordinal), agency.Zone);
    }
}

/// The calendars of every location, built lazily: a location without closures shares the national one.
public sealed class CalendarSet(IReadOnlyList<OfficeCalendarYear> years, ILookup<string, Closure> closures, TimeZoneInfo zone)
{
    private readonly Dictionary<string, WorkingDayCalendar> _byLocation = new(StringComparer.Ordinal);
    private WorkingDayCalendar? _national;

    public IReadOnlyList<int> Years { get; } = years.Select(y => y.Year).ToList();

    public TimeZoneInfo Zone => zone;

    public IReadOnlyList<OfficeCalendarYear> OfficeYears => years;

    public WorkingDayCalendar National => _national ??= new WorkingDayCalendar(years, [], zone);

    /// The calendar of a unit's location: the national calendar plus that location's closures.
    public WorkingDayCalendar For(string? location)
    {
        if (location is null || !closures.Contains(location))
        {
            return National;
        }

        if (!_byLocation.TryGetValue(location, out var calendar))
        {
            calendar = new WorkingDayCalendar(years, closures[location], zone);
            _byLocation[location] = calendar;
        }

        return calendar;
    }
}
