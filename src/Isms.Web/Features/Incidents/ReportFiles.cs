using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// A report's file as a reader sees it, without its content.
public sealed record ReportFileResponse(int Id, string FileName, string ContentType, long Size, string Sha256, bool Evidence, DateTimeOffset UploadedAt)
{
    public static ReportFileResponse Of(ReportFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Evidence, f.UploadedAt);
}

/// The files of a report: what the reporter sent (checked by the shared file rules, with the
/// limit Isms:Incidents:MaxAttachmentBytes) and the evidence the handling unit keeps. The handling
/// unit and auditors read them all; the reporter reads their own files of their own report, never
/// the evidence; anyone else is told the report does not exist.
public sealed class ReportFiles(IsmsDbContext db, Caller caller, SecurityReports reports, FileChecks checks, IConfiguration configuration, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public long MaxBytes => configuration.GetValue("Isms:Incidents:MaxAttachmentBytes", FileChecks.DefaultMaxBytes);

    /// The files ready to be stored with a report (its id set by the caller), or every reason they were refused.
    public IReadOnlyList<ReportFile> Check(IReadOnlyList<UploadedFile> files, bool evidence, Guid? uploadedBy, DateTimeOffset now) =>
        checks.Check(files, MaxBytes).Select(f => new ReportFile
        {
            Evidence = evidence,
            FileName = f.FileName,
            ContentType = f.ContentType,
            Size = f.Size,
            Sha256 = f.Sha256,
            Content = f.Content,
            UploadedById = uploadedBy,
            UploadedAt = now,
        }).ToList();

    public async Task<IReadOnlyList<ReportFileResponse>?> ListAsync(string number, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(number, cancellationToken) is not { } report)
        {
            return null;
        }

        return await Readable(report).OrderBy(f => f.Id)
            .Select(f => new ReportFileResponse(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Evidence, f.UploadedAt)).ToListAsync(cancellationToken);
    }

    public async Task<ReportFile?> FindAsync(string number, int id, CancellationToken cancellationToken) =>
        await VisibleAsync(number, cancellationToken) is { } report
            ? await Readable(report).SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            : null;

    /// The reporter adds files to their own report; the security officer adds evidence to any report.
    public async Task<IReadOnlyList<ReportFileResponse>> AddAsync(string number, IReadOnlyList<UploadedFile> files, bool evidence, CancellationToken cancellationToken)
    {
        var report = await MayAddAsync(number, evidence, cancellationToken);
        var now = clock.GetUtcNow();
        var added = Check(files, evidence, caller.AccountId, now);
        foreach (var file in added)
        {
            file.ReportId = report.Id;
            db.Add(file);
        }

        await db.SaveChangesAsync(cancellationToken);
        return added.Select(ReportFileResponse.Of).ToList();
    }

    /// The report the caller may add files to (as its reporter, or evidence as the handling unit):
    /// 404 when they may not see it, 403 when they see it but may not add.
    public async Task<int> EnsureMayAddAsync(string number, bool evidence, CancellationToken cancellationToken) =>
        (await MayAddAsync(number, evidence, cancellationToken)).Id;

    private async Task<Visible> MayAddAsync(string number, bool evidence, CancellationToken cancellationToken)
    {
        var report = await VisibleAsync(number, cancellationToken) ?? throw new RecordNotFoundException("Report", number);
        if (evidence ? !caller.IsInRole(Platform.Security.Roles.SecurityOfficer) : !report.Own)
        {
            throw new AccessDeniedException(text["Only the reporter adds files to a report; the handling unit adds evidence."]);
        }

        return report;
    }

    private sealed record Visible(int Id, bool Own, bool All);

    private async Task<Visible?> VisibleAsync(string number, CancellationToken cancellationToken)
    {
        var report = await db.Set<SecurityReport>().AsNoTracking().Where(r => r.Number == number)
            .Select(r => new { r.Id, r.ReporterAccountId }).SingleOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var own = report.ReporterAccountId is { } reporter && reporter == caller.AccountId;
        // Those who read the report in full (the handling unit, auditors, its unit's managers) read all its files.
        var all = await (await reports.InReachAsync(db.Set<SecurityReport>(), cancellationToken)).AnyAsync(r => r.Id == report.Id, cancellationToken);
        return own || all ? new Visible(report.Id, own, all) : null;
    }

    private IQueryable<ReportFile> Readable(Visible report)
    {
        var files = db.Set<ReportFile>().AsNoTracking().Where(f => f.ReportId == report.Id);
        return report.All ? files : files.Where(f => !f.Evidence);
    }
}
