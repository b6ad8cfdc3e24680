using System.Net;
using System.Security.Cryptography;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Incidents;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Incidents;

/// The app with a small attachment limit, so that "too big" needs only a few kilobytes.
public sealed class ReportFilesApp : SqliteApp
{
    public const int MaxBytes = 4096;

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Isms:Incidents:MaxAttachmentBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// Attachments of security reports (issue 6: "attachments (stored with SHA-256)"): the reporter's
/// files go in with the report or not at all; the reporter reads their own files, the handling
/// unit and auditors all files and the evidence; everyone else is told there is no such report;
/// every download is audited.
public sealed class ReportFilesTests(ReportFilesApp app) : IClassFixture<ReportFilesApp>
{
    private static readonly byte[] Log = "2026-11-30 23:59 login failed for admin from 203.0.113.9"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task ReportPage_WithFiles_StoredWithTheirSha256_ReporterOfficerAndUnitManagerDownload_OthersGet404_Audited()
    {
        var unit = await app.AddUnitAsync(null);
        var reporter = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = unit, Clearance = 1 });
        var otherStaff = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = unit, Clearance = 1 });
        var manager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = unit, Clearance = 2 });
        var otherManager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = await app.AddUnitAsync(null), Clearance = 2 });
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportThroughPageAsync(reporter, ("login.log", Log), ("screen.png", Png));

        var stored = await app.QueryAsync(db => db.Set<ReportFile>().AsNoTracking()
            .Where(f => db.Set<SecurityReport>().Any(r => r.Number == number && r.Id == f.ReportId)).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal([("login.log", Sha(Log), false), ("screen.png", Sha(Png), false)], stored.Select(f => (f.FileName, f.Sha256, f.Evidence)));
        Assert.Equal(["text/plain", "image/png"], stored.Select(f => f.ContentType));

        var listed = await reporter.GetAsync<List<ReportFileResponse>>($"/api/v1/incidents/reports/{number}/files");
        Assert.Equal(stored.Select(f => f.Id), listed.Select(f => f.Id));
        var log = stored[0].Id;
        Assert.Equal(Log, await reporter.GetByteArrayAsync($"/api/v1/incidents/reports/{number}/files/{log}"));
        Assert.Equal(Png, await officer.GetByteArrayAsync($"/api/v1/incidents/reports/{number}/files/{stored[1].Id}"));
        // The manager of the reporter's unit reads the report in full, its files too.
        Assert.Equal(Log, await manager.GetByteArrayAsync($"/api/v1/incidents/reports/{number}/files/{log}"));
        foreach (var outsider in new[] { otherStaff, otherManager })
        {
            using var list = await outsider.GetAsync($"/api/v1/incidents/reports/{number}/files");
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
            using var download = await outsider.GetAsync($"/api/v1/incidents/reports/{number}/files/{log}");
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        var downloads = await app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditActions.Download && e.EntityType == nameof(ReportFile) && (e.EntityId == log.ToString() || e.EntityId == stored[1].Id.ToString()))
            .ToListAsync());
        Assert.Equal(3, downloads.Count);
        Assert.Contains(downloads, e => e.Changes!.Contains(Sha(Log), StringComparison.Ordinal) && e.Changes.Contains("login.log", StringComparison.Ordinal));
    }

    public static TheoryData<string, (string Name, byte[] Content)[]> BadFiles => new()
    {
        { "wrong signature", [("scan.pdf", "not a pdf"u8.ToArray())] },
        { "not a type that can be attached", [("tool.exe", "MZ\u0090"u8.ToArray())] },
        { "too big", [("big.txt", new byte[ReportFilesApp.MaxBytes + 1])] },
        { "empty", [("empty.txt", Array.Empty<byte>())] },
        { "too many", Enumerable.Range(1, 6).Select(i => ($"note{i}.txt", Log)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ReportPage_WithABadFile_FieldErrorOnAttachments_NeitherReportNorFilesStored(string why, (string Name, byte[] Content)[] files)
    {
        var reporter = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = await app.AddUnitAsync(null), Clearance = 1 });
        var before = await app.QueryAsync(async db => (await db.Set<SecurityReport>().CountAsync(), await db.Set<ReportFile>().CountAsync()));
        using var response = await Forms.PostWithFilesAsync(reporter, "/Incidents/Report", Fields("A phishing mail with an attachment: " + why), files);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Attachments\"[^>]*>[^<]+", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Set<SecurityReport>().CountAsync(), await db.Set<ReportFile>().CountAsync())));
    }

    [Fact]
    public async Task Evidence_OnlyTheOfficerAddsIt_TheReporterNeverSeesIt_AuditorsDo()
    {
        var reporter = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = await app.AddUnitAsync(null), Clearance = 1 });
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var auditor = await app.ClientAsync(Roles.Auditor);
        var number = await ReportThroughPageAsync(reporter);

        using (var byReporter = await reporter.PostAsync($"/api/v1/incidents/reports/{number}/evidence", Upload(("fake.log", Log))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        }

        using (var byAuditor = await auditor.PostAsync($"/api/v1/incidents/reports/{number}/evidence", Upload(("fake.log", Log))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        }

        using var added = await officer.PostAsync($"/api/v1/incidents/reports/{number}/evidence", Upload(("firewall.log", Log)));
        var evidence = Assert.Single(await added.ReadAsync<List<ReportFileResponse>>());
        Assert.True(evidence.Evidence);
        Assert.Equal(Sha(Log), evidence.Sha256);

        // The reporter adds a file afterwards through the API; the officer's upload there is refused (evidence has its own endpoint).
        using (var later = await reporter.PostAsync($"/api/v1/incidents/reports/{number}/files", Upload(("later.png", Png))))
        {
            Assert.False(Assert.Single(await later.ReadAsync<List<ReportFileResponse>>()).Evidence);
        }

        using (var officerAsReporter = await officer.PostAsync($"/api/v1/incidents/reports/{number}/files", Upload(("later.png", Png))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, officerAsReporter.StatusCode);
        }

        Assert.Equal(["later.png"], (await reporter.GetAsync<List<ReportFileResponse>>($"/api/v1/incidents/reports/{number}/files")).Select(f => f.FileName));
        using (var hidden = await reporter.GetAsync($"/api/v1/incidents/reports/{number}/files/{evidence.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        Assert.Equal(["firewall.log", "later.png"], (await auditor.GetAsync<List<ReportFileResponse>>($"/api/v1/incidents/reports/{number}/files")).Select(f => f.FileName));
        Assert.Equal(Log, await auditor.GetByteArrayAsync($"/api/v1/incidents/reports/{number}/files/{evidence.Id}"));
    }

    [Fact]
    public async Task ApiUpload_ABadFile_400OnAttachments_NothingStored()
    {
        var reporter = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = await app.AddUnitAsync(null), Clearance = 1 });
        var number = await ReportThroughPageAsync(reporter);
        using var refused = await reporter.PostAsync($"/api/v1/incidents/reports/{number}/files", Upload(("good.log", Log), ("scan.pdf", "not a pdf"u8.ToArray())));
        Api.AssertNamesField(await refused.ErrorFieldsAsync(), "Attachments");
        Assert.Empty(await reporter.GetAsync<List<ReportFileResponse>>($"/api/v1/incidents/reports/{number}/files"));
    }

    private static async Task<string> ReportThroughPageAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        using var sent = await Forms.PostWithFilesAsync(client, "/Incidents/Report", Fields("Someone asked for my password by telephone."), files);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        return location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..];
    }

    private static KeyValuePair<string, string>[] Fields(string description) =>
        [new("Input.Kind", "Incident"), new("Input.Description", description), new("Input.AffectedSystem", "Mail")];

    private static MultipartFormDataContent Upload(params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }

        return content;
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
