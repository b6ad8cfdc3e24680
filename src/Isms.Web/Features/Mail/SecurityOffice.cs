using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Mail;

/// Who hears of security news first: the security officers with an e-mail address on their person
/// record, and the extra addresses a setting names (a shared mailbox).
public static class SecurityOffice
{
    public static async Task<List<string>> RecipientsAsync(IsmsDbContext db, string? extra, CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.SecurityOfficer).Select(r => r.Id);
        var accounts = db.UserRoles.Where(g => roleIds.Contains(g.RoleId)).Select(g => g.UserId);
        var officers = await db.Set<Person>().AsNoTracking()
            .Where(p => p.AccountId != null && accounts.Contains(p.AccountId.Value) && p.Email != null)
            .Select(p => p.Email!).ToListAsync(cancellationToken);
        var more = (extra ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return officers.Concat(more).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// Queues each news for each recipient who has not had it yet (the outbox's reason is unique
    /// per recipient), and saves; answers how many mails were queued.
    public static async Task<int> QueueOnceAsync(
        IsmsDbContext db, IReadOnlyList<(string Subject, string Body, string Reason)> news, IReadOnlyList<string> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reasons = news.Select(n => n.Reason).ToList();
        var known = (await db.Set<OutgoingMail>().AsNoTracking().Where(m => reasons.Contains(m.Reason)).Select(m => new { m.Reason, m.To }).ToListAsync(cancellationToken))
            .Select(m => (m.Reason, m.To)).ToHashSet();
        var queued = 0;
        foreach (var (subject, body, reason) in news)
        {
            foreach (var to in recipients.Where(to => !known.Contains((reason, to))))
            {
                db.Add(new OutgoingMail { To = to, Subject = subject.Length > 300 ? subject[..300] : subject, Body = body, Reason = reason, CreatedAt = now });
                queued++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
