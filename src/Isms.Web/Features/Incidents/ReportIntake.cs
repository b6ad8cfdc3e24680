using System.Globalization;
using Isms.Core.Calendars;
using Isms.Core.Incidents;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// Who a report comes from: the signed-in caller (and their person record, if any), or a person
/// without an account through a single-use link, who is mailed the reference number.
public sealed record Reporter(Guid? AccountId, int? PersonId, string? FullName, int? UnitId, bool ThroughLink = false, string? MailTo = null);

/// Takes in a report through the channel: numbers it, keeps its files, and tells the handling unit
/// at once, all in one transaction.
public sealed class ReportIntake(
    IsmsDbContext db, Caller caller, TimeProvider clock, AgencyTime agency, ReportFiles files, IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    public Task<OwnReportResponse> SubmitAsync(ReportInput input, CancellationToken cancellationToken) => SubmitAsync(input, [], cancellationToken);

    /// A report by the signed-in caller.
    public async Task<OwnReportResponse> SubmitAsync(ReportInput input, IReadOnlyList<UploadedFile> attachments, CancellationToken cancellationToken)
    {
        var reporter = await db.Set<Person>().AsNoTracking().Where(p => p.AccountId == caller.AccountId)
            .Select(p => new Reporter(caller.AccountId, p.Id, p.FullName, p.UnitId, false, null)).FirstOrDefaultAsync(cancellationToken);
        return await TakeInAsync(input, attachments, reporter ?? new Reporter(caller.AccountId, null, null, null), null, cancellationToken);
    }

    /// A report by someone who is not signed in (a person reached through a link). <paramref name="alongside"/>
    /// runs in the report's transaction before it is saved, once per attempt (to use up the link);
    /// a concurrency conflict of what it changed fails the whole report.
    public Task<OwnReportResponse> SubmitForAsync(
        Reporter reporter, ReportInput input, IReadOnlyList<UploadedFile> attachments, Func<CancellationToken, Task> alongside, CancellationToken cancellationToken) =>
        TakeInAsync(input, attachments, reporter, alongside, cancellationToken);

    private async Task<OwnReportResponse> TakeInAsync(
        ReportInput input, IReadOnlyList<UploadedFile> attachments, Reporter reporter, Func<CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var noticed = (input.NoticedAt ?? now).ToUniversalTime();
        var errors = new FieldErrors();
        if (noticed > now)
        {
            errors.Add(nameof(input.NoticedAt), text["It cannot have been noticed in the future."]);
        }

        var checkedFiles = CheckFiles(attachments, reporter, errors, now);
        errors.ThrowIfAny();

        var year = agency.ToLocal(now).Year;
        var report = new SecurityReport
        {
            Number = "",
            Year = year,
            Kind = input.Kind,
            Description = input.Description.Trim(),
            NoticedAt = noticed,
            AffectedSystem = Blank(input.AffectedSystem),
            Contact = Blank(input.Contact),
            ReporterAccountId = reporter.AccountId,
            ReporterPersonId = reporter.PersonId,
            UnitId = reporter.UnitId,
            ThroughLink = reporter.ThroughLink,
            ReportedAt = now,
            Status = ReportStatus.Reported,
        };
        var recipients = await SecurityOffice.RecipientsAsync(db, configuration["Isms:Incidents:AlertTo"], cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            report.Sequence = 1 + (await db.Set<SecurityReport>().Where(r => r.Year == year).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0);
            report.Number = string.Create(CultureInfo.InvariantCulture, $"SR-{year}-{report.Sequence:D6}");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                db.Add(report);
                // The handling unit is told at once, in the same transaction as the report.
                foreach (var to in recipients)
                {
                    db.Add(Mail(to, $"[ISMS] 資安通報 / Security report {report.Number}: {Kind(report.Kind)}",
                        $"新的資安通報 {report.Number}（{reporter.FullName ?? "—"}）。\n\nA new security report {report.Number} from {reporter.FullName ?? "—"}.\n\n"
                            + $"{report.AffectedSystem}\n{report.Description}\n\n{Link(report.Number)}",
                        $"incident.reported {report.Number}", now));
                }

                if (reporter.MailTo is { } mailTo)
                {
                    db.Add(Mail(mailTo, $"[ISMS] 已收到您的資安通報 / Your security report {report.Number} was received",
                        $"您的資安通報已收到，編號 {report.Number}。資通安全處理小組會處理並與您聯絡。\n\n"
                            + $"Your security report was received; its reference number is {report.Number}. The security handling unit will look into it and contact you if needed.",
                        $"incident.received {report.Number}", now));
                }

                if (alongside is not null)
                {
                    await alongside(cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                foreach (var file in checkedFiles)
                {
                    file.ReportId = report.Id;
                    db.Add(file);
                }

                if (checkedFiles.Count > 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return SecurityReports.Own(report);
            }
            catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && attempt < 5)
            {
                // Another report took the number meanwhile: take the next one.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    private IReadOnlyList<ReportFile> CheckFiles(IReadOnlyList<UploadedFile> attachments, Reporter reporter, FieldErrors errors, DateTimeOffset now)
    {
        try
        {
            return files.Check(attachments, evidence: false, reporter.AccountId, now);
        }
        catch (InputRejectedException rejected)
        {
            foreach (var (field, messages) in rejected.Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }

            return [];
        }
    }

    private static OutgoingMail Mail(string to, string subject, string body, string reason, DateTimeOffset now) =>
        new() { To = to, Subject = subject.Length > 300 ? subject[..300] : subject, Body = body, Reason = reason, CreatedAt = now };

    private static string Kind(ReportKind kind) => kind switch
    {
        ReportKind.Incident => "資安事件 incident",
        ReportKind.Weakness => "疑似弱點 suspected weakness",
        _ => "建議 suggestion",
    };

    private string Link(string number) =>
        configuration["Isms:PublicUrl"] is { Length: > 0 } url ? $"{url.TrimEnd('/')}/api/v1/incidents/reports/{number}" : "";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
