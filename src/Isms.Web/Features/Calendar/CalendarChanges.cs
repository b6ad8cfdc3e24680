namespace Isms.Web.Features.Calendar;

/// Something that keeps instants worked out on the calendar (a form's due time) and must work
/// them out again when a year is imported or a closure is declared or withdrawn.
public interface ICalendarDependent
{
    /// Runs inside the transaction of the calendar change, after it is saved.
    Task CalendarChangedAsync(CancellationToken cancellationToken);
}

/// Tells every dependent that the calendar changed.
public sealed class CalendarChanges(IEnumerable<ICalendarDependent> dependents)
{
    public async Task CalendarChangedAsync(CancellationToken cancellationToken)
    {
        foreach (var dependent in dependents)
        {
            await dependent.CalendarChangedAsync(cancellationToken);
        }
    }
}
