using System.Globalization;
using System.Text;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.Mail;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// The desk's e-mails, written to the outbox in the same transaction as what they tell of: to the
/// assignee on assignment and when a form is at risk, and a daily digest of overdue forms to the
/// head of the handling unit. Each mail carries both languages (zh-TW first). A mail's reason is
/// unique per recipient, so a second node or a second run never sends the same news twice.
public sealed class QaNotifications(IsmsDbContext db, AgencyTime agency, IConfiguration configuration)
{
    /// Queues the assignment mail; the caller's save writes it with the assignment.
    public async Task QueueAssignedAsync(QaForm form, CancellationToken cancellationToken)
    {
        var email = await db.Set<Person>().Where(p => p.Id == form.AssigneeId).Select(p => p.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return;
        }

        Queue(email, $"[ISMS] {form.Number} 已指派給您 / assigned to you: {form.Subject}",
            $"問答單 {form.Number} 已指派給您處理。\n期限：{Due(form)}\n\nQ&A form {form.Number} has been assigned to you.\nDue: {Due(form)}\n\n{Link(form)}",
            $"qa.assigned {form.Number} {form.AssignedAt?.UtcTicks}", form.AssignedAt ?? form.UpdatedAt);
    }

    /// Tells each assignee of an open form that has at most the at-risk office time left, once per form.
    public async Task<int> AtRiskAsync(CalendarSet calendars, DateTimeOffset now, TimeOnly dayStart, TimeOnly dayEnd, int atRiskHours, CancellationToken cancellationToken)
    {
        var open = db.Set<QaForm>()
            .Open()
            .Where(f => f.PausedSince == null
                && f.AssigneeId != null && f.AtRiskNotifiedAt == null && f.DueAt != null && f.DueAt > now);
        var locations = await open.Select(f => f.ClockLocation).Distinct().ToListAsync(cancellationToken);
        if (QaAtRiskHorizon.Of(calendars, locations, now, dayStart, dayEnd, atRiskHours) is { } horizon)
        {
            open = open.Where(f => f.DueAt <= horizon);
        }

        var candidates = await open.ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var form in candidates)
        {
            TimeSpan left;
            try
            {
                left = SlaClock.OfficeTimeUntil(calendars.For(form.ClockLocation), dayStart, dayEnd, now, form.DueAt!.Value);
            }
            catch (CalendarYearMissingException)
            {
                continue;
            }

            if (left > TimeSpan.FromHours(atRiskHours))
            {
                continue;
            }

            form.AtRiskNotifiedAt = now;
            var email = await db.Set<Person>().Where(p => p.Id == form.AssigneeId).Select(p => p.Email).SingleOrDefaultAsync(cancellationToken);
            if (email is not null)
            {
                Queue(email, $"[ISMS] {form.Number} 即將逾期 / at risk: {form.Subject}",
                    $"問答單 {form.Number} 將於 {Due(form)} 到期，剩餘辦公時間 {left.TotalHours:0.#} 小時。\n\nQ&A form {form.Number} is due {Due(form)}: {left.TotalHours:0.#} office hours left.\n\n{Link(form)}",
                    $"qa.at-risk {form.Number}", now);
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// The overdue forms, once a day, to the head of the handling unit (a DepartmentHead responsibility).
    public async Task<int> DigestAsync(ServiceDeskSetting setting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = agency.DateAt(now);
        var reason = $"qa.digest {today:yyyy-MM-dd}";
        if (setting.DeskUnitId is not { } deskUnit || await db.Set<OutgoingMail>().AnyAsync(m => m.Reason == reason, cancellationToken))
        {
            return 0;
        }

        var heads = await db.Set<Responsibility>()
            .Where(r => r.UnitId == deskUnit && r.Kind == ResponsibilityKind.DepartmentHead && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => r.Person!.Email).Where(e => e != null).Distinct().ToListAsync(cancellationToken);
        var overdue = await db.Set<QaForm>().AsNoTracking()
            .Open()
            .Where(f => f.PausedSince == null && f.DueAt != null && f.DueAt < now)
            .OrderBy(f => f.DueAt).Select(f => new { f.Number, f.Subject, f.DueAt, f.Status }).ToListAsync(cancellationToken);
        if (heads.Count == 0 || overdue.Count == 0)
        {
            return 0;
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"逾期未結問答單 {overdue.Count} 件 / {overdue.Count} overdue Q&A form(s), {today:yyyy-MM-dd}:\n\n");
        foreach (var form in overdue)
        {
            body.Append(CultureInfo.InvariantCulture, $"{form.Number}  {Local(form.DueAt!.Value)}  {form.Status}  {form.Subject}\n");
        }

        foreach (var head in heads)
        {
            Queue(head!, $"[ISMS] 逾期問答單 / Overdue Q&A forms: {overdue.Count}", body.ToString(), reason, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return heads.Count;
    }

    private void Queue(string to, string subject, string body, string reason, DateTimeOffset now) =>
        db.Add(new OutgoingMail { To = to, Subject = subject.Length > 300 ? subject[..300] : subject, Body = body, Reason = reason, CreatedAt = now });

    private string Due(QaForm form) => form.DueAt is { } due ? Local(due) : "—";

    private string Local(DateTimeOffset instant) => agency.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Asia/Taipei)";

    private string Link(QaForm form) =>
        configuration["Isms:PublicUrl"] is { Length: > 0 } url ? $"{url.TrimEnd('/')}/ServiceDesk/Forms/{form.Number}" : "";
}
