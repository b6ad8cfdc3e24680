namespace Isms.Web.Features.Calendar;

/// What a calendar change can move. A closure or its withdrawal changes one day at some locations:
/// only a clock on those locations' calendars that runs through that day (received by its end,
/// due from its start) can move. An imported year can move anything.
public sealed record CalendarChange(IReadOnlyList<string>? Locations, DateOnly? Day)
{
    public static readonly CalendarChange Everything = new(null, null);

    public static CalendarChange Closure(IReadOnlyList<string> locations, DateOnly date) => new(locations, date);
}

/// Something that keeps instants worked out on the calendar (a form's due time) and must work
/// them out again when a year is imported or a closure is declared or withdrawn.
public interface ICalendarDependent
{
    /// Runs inside the transaction of the calendar change, after it is saved.
    Task CalendarChangedAsync(CalendarChange change, CancellationToken cancellationToken);
}

/// Tells every dependent that the calendar changed.
public sealed class CalendarChanges(IEnumerable<ICalendarDependent> dependents)
{
    public async Task CalendarChangedAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        foreach (var dependent in dependents)
        {
            await dependent.CalendarChangedAsync(change, cancellationToken);
        }
    }
}
