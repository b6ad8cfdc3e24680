using System.Globalization;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Incidents;

/// Warns the handling unit before each deadline of an open incident passes (when a quarter of its
/// span is left: 15 minutes of the hour to report, 9 of the 36 hours to recover…) and tells it
/// when one has passed. Each news is mailed once (its reason is unique per recipient).
public sealed class IncidentDeadlineAlerts(IsmsDbContext db, IncidentClock clock, AgencyTime agency, TimeProvider time, IConfiguration configuration)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await db.Set<SecurityReport>().AsNoTracking()
            .Where(r => r.Status == ReportStatus.Confirmed && r.ClosedAt == null && r.AwareAt != null).ToListAsync(cancellationToken);
        var news = new List<(string Subject, string Body, string Reason)>();
        foreach (var report in open)
        {
            var deadlines = clock.For(report)!;
            var aware = report.AwareAt!.Value;
            Check(report, "report", "通報主管機關 / report to the competent authority", aware, deadlines.ReportBy, report.ReportedExternallyAt is null, now, news);
            Check(report, "recover", "完成損害控制或復原 / damage control or recovery", aware, deadlines.RecoverBy, report.RecoveredAt is null, now, news);
            if (deadlines.ImprovementReportBy is { } by)
            {
                Check(report, "improvement", "調查、處理及改善報告 / investigation and improvement report", report.RecoveredAt!.Value, by, true, now, news);
            }
        }

        if (news.Count == 0)
        {
            return 0;
        }

        var recipients = await SecurityOffice.RecipientsAsync(db, configuration["Isms:Incidents:AlertTo"], cancellationToken);
        return await SecurityOffice.QueueOnceAsync(db, news, recipients, now, cancellationToken);
    }

    private void Check(SecurityReport report, string which, string what, DateTimeOffset from, DateTimeOffset by, bool pending, DateTimeOffset now, List<(string, string, string)> news)
    {
        if (!pending)
        {
            return;
        }

        var due = agency.ToLocal(by).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Asia/Taipei)";
        if (now >= by)
        {
            news.Add(($"[ISMS] 期限已過 / Deadline passed: {report.Number} {which}",
                $"資安事件 {report.Number} 的期限已過：{what}，期限 {due}。\n\nIncident {report.Number} is past its deadline: {what}, due {due}.",
                $"incident.deadline.passed {report.Number} {which}"));
        }
        else if (now >= by - ((by - from) / 4))
        {
            news.Add(($"[ISMS] 期限將至 / Deadline soon: {report.Number} {which}",
                $"資安事件 {report.Number} 即將到期：{what}，期限 {due}。\n\nIncident {report.Number} is nearly due: {what}, by {due}.",
                $"incident.deadline.soon {report.Number} {which}"));
        }
    }
}
