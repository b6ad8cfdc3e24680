using Isms.Core.Calendars;
using Isms.Core.Incidents;

namespace Isms.Web.Features.Incidents;

/// The deadline rules from configuration (Isms:Incidents:*), defaulting to the regulation's, and
/// an incident's deadlines under them.
public sealed class IncidentClock(IConfiguration configuration, AgencyTime agency)
{
    public DeadlineRules Rules { get; } = new(
        TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Isms:Incidents:ReportWithinMinutes", 60))),
        TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Isms:Incidents:RecoverMinorHours", 72))),
        TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Isms:Incidents:RecoverMajorHours", 36))),
        Math.Max(1, configuration.GetValue("Isms:Incidents:ImprovementReportMonths", 1)));

    public IncidentDeadlines? For(SecurityReport report) =>
        report is { Status: ReportStatus.Confirmed, Level: { } level, AwareAt: { } aware }
            ? IncidentDeadlines.For(level, aware, report.RecoveredAt, Rules, agency)
            : null;
}
