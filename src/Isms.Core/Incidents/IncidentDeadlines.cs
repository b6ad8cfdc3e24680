using Isms.Core.Calendars;

namespace Isms.Core.Incidents;

/// <summary>
/// How long the handling unit has (issue 6 defaults, each configurable): report to the competent
/// authority within an hour of becoming aware; damage control or recovery within 72 hours (levels
/// 1–2) or 36 hours (levels 3–4) of awareness; the investigation and improvement report within a
/// month after recovery.
/// </summary>
public sealed record DeadlineRules
{
    /// <summary>Creates the rules; every span must be positive.</summary>
    public DeadlineRules(TimeSpan reportWithin, TimeSpan recoverMinorWithin, TimeSpan recoverMajorWithin, int improvementReportMonths)
    {
        if (reportWithin <= TimeSpan.Zero || recoverMinorWithin <= TimeSpan.Zero || recoverMajorWithin <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reportWithin), "Deadlines are positive spans.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(improvementReportMonths, 1);
        (ReportWithin, RecoverMinorWithin, RecoverMajorWithin, ImprovementReportMonths) = (reportWithin, recoverMinorWithin, recoverMajorWithin, improvementReportMonths);
    }

    /// <summary>The regulation's defaults: 1 h, 72 h, 36 h, 1 month.</summary>
    public static DeadlineRules Default { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(72), TimeSpan.FromHours(36), 1);

    /// <summary>Reporting to the competent authority, counted from awareness.</summary>
    public TimeSpan ReportWithin { get; }

    /// <summary>Damage control or recovery for levels 1–2, counted from awareness.</summary>
    public TimeSpan RecoverMinorWithin { get; }

    /// <summary>Damage control or recovery for levels 3–4, counted from awareness.</summary>
    public TimeSpan RecoverMajorWithin { get; }

    /// <summary>The investigation and improvement report, in calendar months after recovery.</summary>
    public int ImprovementReportMonths { get; }
}

/// <summary>An incident's deadlines; the improvement report's is known once it has recovered.</summary>
public sealed record IncidentDeadlines(DateTimeOffset ReportBy, DateTimeOffset RecoverBy, DateTimeOffset? ImprovementReportBy)
{
    /// <summary>
    /// The deadlines of an incident of <paramref name="level"/> its handlers became aware of at
    /// <paramref name="aware"/>. The month after recovery is the agency's calendar month (the same
    /// local time a month later, or the month's last day when it is shorter).
    /// </summary>
    public static IncidentDeadlines For(int level, DateTimeOffset aware, DateTimeOffset? recovered, DeadlineRules rules, AgencyTime agency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 4);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(agency);
        DateTimeOffset? improvement = null;
        if (recovered is { } at)
        {
            var local = agency.ToLocal(at).DateTime.AddMonths(rules.ImprovementReportMonths);
            improvement = new DateTimeOffset(local, agency.Zone.GetUtcOffset(local)).ToUniversalTime();
        }

        return new IncidentDeadlines(
            (aware + rules.ReportWithin).ToUniversalTime(),
            (aware + (level >= 3 ? rules.RecoverMajorWithin : rules.RecoverMinorWithin)).ToUniversalTime(),
            improvement);
    }
}
