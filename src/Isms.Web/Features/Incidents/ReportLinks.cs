using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Isms.Core;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

public sealed record ReportLinkRequest
{
    [Display(Name = "Your e-mail address"), Required(ErrorMessage = "Give your e-mail address."), EmailAddress(ErrorMessage = "Give an e-mail address."), MaxLength(254, ErrorMessage = Messages.TooLong)]
    public string Email { get; init; } = "";
}

/// The person a live link reports for.
public sealed record LinkHolder(int LinkId, int PersonId, string FullName, int UnitId, string Email, DateTimeOffset ExpiresAt);

/// Single-use links for people in scope without an account (vendor staff, contractors): asked for
/// with the e-mail address on their person record, mailed there, good for one report within
/// Isms:Incidents:LinkMinutes (30). Only the SHA-256 of a link's secret is stored. Whatever address
/// is typed, the request does the same reads, and answers no sooner than a fixed time, so that
/// neither the answer nor its timing tells whether the address is known.
public sealed class ReportLinks(
    IsmsDbContext db, ReportIntake intake, TimeProvider clock, AgencyTime agency, IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    /// The length of a link's secret: 32 random bytes in base64url.
    public const int TokenLength = 43;

    public TimeSpan Lifetime => TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Isms:Incidents:LinkMinutes", 30), 1, 24 * 60));

    private int LiveLinksPerPerson => Math.Max(1, configuration.GetValue("Isms:Incidents:LiveLinksPerPerson", 3));

    private TimeSpan AnswerTime => TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue("Isms:Incidents:LinkAnswerMilliseconds", 400)));

    public string Expired => text["This link has expired or was already used; ask for a new one."];

    /// Creates and mails a link when the address is that of an active person without an account
    /// (and they have fewer live links than the limit); otherwise does nothing visible.
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var address = Person.NormalizeEmail(email) ?? "";
        var today = agency.DateAt(now);
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Email == address)
            .Select(p => new { p.Id, p.AccountId, p.ActiveFrom, p.ActiveTo }).SingleOrDefaultAsync(cancellationToken);
        var personId = person?.Id ?? 0;
        var live = await db.Set<ReportLink>().CountAsync(l => l.PersonId == personId && l.UsedAt == null && l.ExpiresAt > now, cancellationToken);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var link = new ReportLink { PersonId = personId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime };
        if (person is { AccountId: null } && person.ActiveFrom <= today && (person.ActiveTo is null || person.ActiveTo >= today) && live < LiveLinksPerPerson)
        {
            await QueueAsync(link, address, token, cancellationToken);
        }

        // A timer can fire a millisecond before its time (CI saw 299 ms of 300): wait until the
        // whole answer time has really passed.
        for (var left = AnswerTime - clock.GetElapsedTime(started); left > TimeSpan.Zero; left = AnswerTime - clock.GetElapsedTime(started))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(1), clock, cancellationToken);
        }
    }

    /// The person a live link is for, or null for an unknown, used or expired link.
    public async Task<LinkHolder?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: TokenLength })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var hash = Hash(token);
        var today = agency.DateAt(now);
        return await db.Set<ReportLink>().AsNoTracking().Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .Join(db.Set<Person>().WhereActiveOn(today).Where(p => p.AccountId == null && p.Email != null), l => l.PersonId, p => p.Id,
                (l, p) => new LinkHolder(l.Id, p.Id, p.FullName, p.UnitId, p.Email!, l.ExpiresAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// The report of the link's person; the link is used up in the same transaction, so that of two
    /// submissions with one link only one becomes a report.
    public async Task<OwnReportResponse> SubmitAsync(string token, ReportInput input, IReadOnlyList<UploadedFile> attachments, CancellationToken cancellationToken)
    {
        var holder = await OpenAsync(token, cancellationToken) ?? throw Refused();
        var reporter = new Reporter(null, holder.PersonId, holder.FullName, holder.UnitId, ThroughLink: true, MailTo: holder.Email);
        try
        {
            return await intake.SubmitForAsync(reporter, input, attachments, async ct =>
            {
                var link = await db.Set<ReportLink>().SingleAsync(l => l.Id == holder.LinkId, ct);
                var now = clock.GetUtcNow();
                if (link.UsedAt is not null || link.ExpiresAt <= now)
                {
                    throw Refused();
                }

                link.UsedAt = now;
                link.Version++;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other submission used the link first.
            throw Refused();
        }
    }

    private async Task QueueAsync(ReportLink link, string address, string token, CancellationToken cancellationToken)
    {
        var url = (configuration["Isms:PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl.TrimEnd('/') : "") + "/Incidents/Link/" + token;
        var minutes = (int)Lifetime.TotalMinutes;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        // The trail never writes a mail's body (AuditCapture.IsSecret), so the link stays out of it.
        db.Add(new OutgoingMail
        {
            To = address,
            Subject = "[ISMS] 資安通報連結 / Your link to report a security problem",
            Body = Body(url, minutes),
            Reason = $"incident.link {link.Id}",
            CreatedAt = link.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Body(string url, int minutes) =>
        $"您要求了不需帳號即可通報資安問題的連結。請在 {minutes} 分鐘內開啟，連結只能使用一次：\n{url}\n\n若您沒有提出這項要求，請忽略本信。\n\n"
        + $"You asked for a link to report a security problem without an account. Open it within {minutes} minutes; it works once:\n{url}\n\n"
        + "If you did not ask for it, ignore this mail.";

    private RuleViolationException Refused() => new("report-link.expired", Expired, isConflict: true);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
