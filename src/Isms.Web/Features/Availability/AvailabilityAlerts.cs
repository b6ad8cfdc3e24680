using System.Globalization;
using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability;

/// The security office's e-mails about the services: a service went down, it is back, a
/// certificate expires soon, and the error budget burns so fast that the year's would be gone
/// early (both burn windows over their thresholds). Each news has a reason of its own, so a second
/// run or a second node finds it already in the outbox.
public sealed class AvailabilityAlerts(IsmsDbContext db, ServiceHistories histories, AgencyTime agency, TimeProvider clock, IConfiguration configuration)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recipients = await RecipientsAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var mails = new List<(string Subject, string Body, string Reason)>();
        // A week back catches an outage that opened and closed between two runs, and the end of a
        // long one; an outage cut off by the window's start was told of when it began.
        var window = new Interval(now.AddDays(-7), now);
        foreach (var record in await histories.ReadAsync(null, window, cancellationToken))
        {
            var name = record.Service.NameZh is { } zh ? $"{zh} / {record.Service.Name}" : record.Service.Name;
            foreach (var down in record.History.Down.Where(d => d.Start > window.Start))
            {
                var key = $"{record.Service.Id} {down.Start.UtcTicks}";
                mails.Add(($"[ISMS] 服務中斷 / Service down: {name}",
                    $"{name} 自 {Local(down.Start)} 起中斷。\n\n{name} has been down since {Local(down.Start)}.\n\n{Link(record.Service.Id)}",
                    $"availability.down {key}"));
                if (down.End < now.AddSeconds(-1))
                {
                    var minutes = down.Seconds / 60.0;
                    mails.Add(($"[ISMS] 服務恢復 / Service back: {name}",
                        $"{name} 已於 {Local(down.End)} 恢復，中斷 {minutes:0.#} 分鐘。\n\n{name} is back since {Local(down.End)} after {minutes:0.#} minutes down.\n\n{Link(record.Service.Id)}",
                        $"availability.up {key}"));
                }
            }

            var burn = BurnRateAlert.Evaluate(record.History, now, record.Service.Target, BurnWindow.Defaults);
            if (burn.Fires)
            {
                var rates = string.Join(", ", burn.Rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Window.Length.TotalHours:0} h: {r.Rate:0.#}×")));
                mails.Add(($"[ISMS] 錯誤預算消耗過快 / Error budget burning fast: {name}",
                    $"{name} 的錯誤預算消耗速率（{rates}）若持續，今年的預算將提前用罄。\n\nAt the rate {name} burns its error budget ({rates}), the year's budget would be gone early.\n\n{Link(record.Service.Id)}",
                    $"availability.burn {record.Service.Id} {agency.DateAt(now):yyyy-MM-dd}"));
            }
        }

        var certificates = await db.Set<ServiceMonitor>().AsNoTracking()
            .Where(m => m.IsActive && m.Kind == MonitorKind.Http && m.CertificateWarningDays > 0)
            .Join(db.Set<MonitorState>().AsNoTracking(), m => m.Id, s => s.MonitorId, (m, s) => new { m.Id, m.Name, m.Url, m.CertificateWarningDays, s.CertificateExpiresAt })
            .Where(x => x.CertificateExpiresAt != null)
            .ToListAsync(cancellationToken);
        // The settings' warning days, or more where a monitor asks for more (a monitor's 0 turns it off).
        var warningDays = await db.Set<AvailabilitySetting>().AsNoTracking().Select(s => (int?)s.CertificateWarningDays).FirstOrDefaultAsync(cancellationToken) ?? 14;
        foreach (var c in certificates.Where(c => c.CertificateExpiresAt!.Value - now <= TimeSpan.FromDays(Math.Max(warningDays, c.CertificateWarningDays))))
        {
            var days = Math.Floor((c.CertificateExpiresAt!.Value - now).TotalDays);
            mails.Add(($"[ISMS] 憑證即將到期 / Certificate expires soon: {c.Name}",
                $"{c.Url} 的 TLS 憑證將於 {Local(c.CertificateExpiresAt.Value)} 到期（剩 {days:0} 天）。\n\nThe TLS certificate of {c.Url} expires {Local(c.CertificateExpiresAt.Value)} ({days:0} days left).",
                $"availability.certificate {c.Id} {c.CertificateExpiresAt.Value.UtcTicks}"));
        }

        return await SecurityOffice.QueueOnceAsync(db, mails, recipients, now, cancellationToken);
    }

    /// The security officers with an e-mail on their person record, and Isms:Availability:AlertTo.
    private Task<List<string>> RecipientsAsync(CancellationToken cancellationToken) =>
        SecurityOffice.RecipientsAsync(db, configuration["Isms:Availability:AlertTo"], cancellationToken);

    private string Local(DateTimeOffset instant) => agency.ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (Asia/Taipei)";

    private string Link(int serviceId) =>
        configuration["Isms:PublicUrl"] is { Length: > 0 } url ? $"{url.TrimEnd('/')}/Availability/Services/{serviceId}" : "";
}
