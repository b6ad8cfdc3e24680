namespace Isms.Core.People;

/// <summary>
/// The days on which a person is in scope of the policy (policy V): from their first day to their
/// last day inclusive; an open end means still in scope. A last day just before the first day is
/// an empty period: someone withdrawn before they started.
/// </summary>
public readonly record struct ActivePeriod
{
    /// <summary>Creates the period; the last day may precede the first by one day at most (empty).</summary>
    public ActivePeriod(DateOnly from, DateOnly? to)
    {
        if (to is { } last && last < DayBefore(from))
        {
            throw new ArgumentException("The last active day cannot be before the first.", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>The first active day.</summary>
    public DateOnly From { get; }

    /// <summary>The last active day, or null while the person stays in scope.</summary>
    public DateOnly? To { get; }

    /// <summary>True when the person is in scope on the given day.</summary>
    public bool IsActiveOn(DateOnly day) => day >= From && (To is null || day <= To);

    /// <summary>True when the period holds no day at all.</summary>
    public bool IsEmpty => To is { } last && last < From;

    /// <summary>
    /// The period ended on <paramref name="lastDay"/>; a period that already ended earlier keeps its
    /// end, because deactivating twice must not extend anyone's scope. Ending before the first day
    /// leaves the period empty.
    /// </summary>
    public ActivePeriod EndOn(DateOnly lastDay)
    {
        var end = lastDay < From ? DayBefore(From) : lastDay;
        return To is { } current && current <= end ? this : new ActivePeriod(From, end);
    }

    private static DateOnly DayBefore(DateOnly day) => day == DateOnly.MinValue ? day : day.AddDays(-1);
}
