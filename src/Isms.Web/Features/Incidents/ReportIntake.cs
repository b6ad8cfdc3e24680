using System.Globalization;
using Isms.Core.Calendars;
using Isms.Core.Incidents;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// Takes in a report through the channel: numbers it and tells the handling unit at once.
public sealed class ReportIntake(IsmsDbContext db, Caller caller, TimeProvider clock, AgencyTime agency, IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    public async Task<OwnReportResponse> SubmitAsync(ReportInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var noticed = (input.NoticedAt ?? now).ToUniversalTime();
        if (noticed > now)
        {
            throw InputRejectedException.For(nameof(input.NoticedAt), text["It cannot have been noticed in the future."]);
        }

        var reporter = await db.Set<Person>().AsNoTracking().Where(p => p.AccountId == caller.AccountId)
            .Select(p => new { p.Id, p.FullName, p.UnitId }).FirstOrDefaultAsync(cancellationToken);
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
            ReporterAccountId = caller.AccountId,
            ReporterPersonId = reporter?.Id,
            UnitId = reporter?.UnitId,
            ReportedAt = now,
            Status = ReportStatus.Reported,
        };
        var recipients = await SecurityOffice.RecipientsAsync(db, configuration["Isms:Incidents:AlertTo"], cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            report.Sequence = 1 + (await db.Set<SecurityReport>().Where(r => r.Year == year).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0);
            report.Number = string.Create(CultureInfo.InvariantCulture, $"SR-{year}-{report.Sequence:D6}");
            try
            {
                db.Add(report);
                // The handling unit is told at once, in the same transaction as the report.
                foreach (var to in recipients)
                {
                    db.Add(new OutgoingMail
                    {
                        To = to,
                        Subject = $"[ISMS] 資安通報 / Security report {report.Number}: {Kind(report.Kind)}",
                        Body = $"新的資安通報 {report.Number}（{reporter?.FullName ?? "—"}）。\n\nA new security report {report.Number} from {reporter?.FullName ?? "—"}.\n\n"
                            + $"{report.AffectedSystem}\n{report.Description}\n\n{Link(report.Number)}",
                        Reason = $"incident.reported {report.Number}",
                        CreatedAt = now,
                    });
                }

                await db.SaveChangesAsync(cancellationToken);
                return SecurityReports.Own(report);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another report took the number meanwhile: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

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
