namespace Isms.Core.Calendars;

/// <summary>How a Q&amp;A form's time limit is counted (DESIGN.md §2, policy IV.C.1.c).</summary>
public enum SlaRuleKind
{
    /// <summary>Whole working days: the day of receipt is day 0, due by 23:59:59 of the last day.</summary>
    WorkingDays,

    /// <summary>Working hours: a budget of office time that runs only inside the office hours of working days.</summary>
    WorkingHours,
}

/// <summary>
/// The time limit of a Q&amp;A form: <see cref="Days"/> working days, or for the working-hours
/// rule <see cref="Days"/> × (<see cref="DayEnd"/> − <see cref="DayStart"/>) of office time (2 ×
/// 9 h for 08:30–17:30). <see cref="DayStart"/> and <see cref="DayEnd"/> mean nothing to the
/// working-days rule.
/// </summary>
public sealed record SlaRule
{
    /// <summary>Creates the rule; days is 1 or more, and for the working-hours rule the day starts before it ends, on whole seconds.</summary>
    public SlaRule(SlaRuleKind kind, int days, TimeOnly dayStart, TimeOnly dayEnd)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown SLA rule.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3660);
        if (kind == SlaRuleKind.WorkingHours)
        {
            if (dayStart >= dayEnd)
            {
                throw new ArgumentException("Office hours start before they end.", nameof(dayEnd));
            }

            if (dayStart.Ticks % TimeSpan.TicksPerSecond != 0 || dayEnd.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new ArgumentException("Office hours start and end on whole seconds.", nameof(dayStart));
            }
        }

        Kind = kind;
        Days = days;
        DayStart = dayStart;
        DayEnd = dayEnd;
    }

    /// <summary>Working days or working hours.</summary>
    public SlaRuleKind Kind { get; }

    /// <summary>The number of working days (for the hours rule, of office days' worth of hours).</summary>
    public int Days { get; }

    /// <summary>When office hours start (working-hours rule).</summary>
    public TimeOnly DayStart { get; }

    /// <summary>When office hours end (working-hours rule).</summary>
    public TimeOnly DayEnd { get; }

    /// <summary>The office time the working-hours rule allows; zero for the working-days rule.</summary>
    public TimeSpan Budget => Kind == SlaRuleKind.WorkingHours ? (DayEnd - DayStart) * Days : TimeSpan.Zero;

    /// <summary>The default rule: finished by the end of the second working day after the day of receipt.</summary>
    public static SlaRule WorkingDaysRule(int days = 2) => new(SlaRuleKind.WorkingDays, days, TimeOnly.MinValue, TimeOnly.MinValue);

    /// <summary>The working-hours rule, e.g. 2 days of 08:30–17:30.</summary>
    public static SlaRule WorkingHoursRule(int days, TimeOnly start, TimeOnly end) => new(SlaRuleKind.WorkingHours, days, start, end);
}
