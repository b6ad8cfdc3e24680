using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Incidents;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Incidents;

/// The investigation and improvement report (issue 6): the regulation's fields on one page in
/// English or Traditional Chinese, and the same page printed to PDF in Chromium with a CJK font
/// for Chinese; the export is in the audit trail; out-of-reach readers get 404.
public sealed class ImprovementReportTests(ChannelApp app) : IClassFixture<ChannelApp>
{
    [Fact]
    public async Task Report_InBothLanguages_AsPageAndPdf()
    {
        var unit = await app.AddUnitAsync(null);
        var staff = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = unit, Clearance = 1 });
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var sent = await staff.PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = "Incident", ["description"] = "Broker credentials leaked on a paste site.", ["affectedSystem"] = "Cargo clearance" });
        var number = (await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
        var aware = DateTimeOffset.UtcNow.AddHours(-3);
        var graded = await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject
        {
            ["impacts"] = new JsonArray(new JsonObject { ["aspect"] = "confidentiality", ["scope"] = "officialSecret", ["severity"] = "minor" }),
            ["occurredAt"] = aware.AddHours(-1),
            ["awareAt"] = aware,
            ["version"] = 0,
        })).ReadAsync<ReportResponse>();
        await (await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/investigation", new JsonObject
        {
            ["scopeAndDamage"] = "Twelve broker accounts exposed.",
            ["rootCause"] = "A developer pasted a configuration file with the credentials.",
            ["preventiveManagement"] = "Rules for sharing configuration.",
            ["preventiveTechnology"] = "Secret scanning on commits.",
            ["preventiveStaffing"] = "Training for developers.",
            ["preventiveResources"] = "A secrets vault.",
            ["plannedCompletion"] = "2027-06-30",
            ["followUp"] = "Review in the next compliance check.",
            ["version"] = graded.Version,
        })).ExpectAsync(HttpStatusCode.OK);

        var english = await officer.GetStringAsync($"/Incidents/Improvement/{number}?lang=en");
        foreach (var expected in new[] { "Investigation and improvement report", number, "Twelve broker accounts exposed.", "A developer pasted a configuration file", "Secret scanning on commits.", "2027-06-30", "Root cause" })
        {
            Assert.Contains(WebUtility.HtmlEncode(expected), english, StringComparison.Ordinal);
        }

        var chinese = await officer.GetStringAsync($"/Incidents/Improvement/{number}?lang=zh-TW");
        Assert.Contains("根本原因", chinese, StringComparison.Ordinal);
        Assert.Contains("預防措施", chinese, StringComparison.Ordinal);

        var exportsBefore = await ExportsAsync(number);
        using var pdf = await officer.GetAsync($"/api/v1/incidents/reports/{number}/improvement-report.pdf?lang=zh-TW");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", raw, StringComparison.Ordinal);
        // Chinese text is drawn with an embedded CJK font, not boxes.
        Assert.Matches(@"/FontName\s*/[A-Z]{6}\+NotoSans(Mono)?CJK", raw);
        Assert.Equal(exportsBefore + 1, await ExportsAsync(number));

        using var englishPdf = await officer.GetAsync($"/api/v1/incidents/reports/{number}/improvement-report.pdf?lang=en");
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(await englishPdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var otherManager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = await app.AddUnitAsync(null), Clearance = 1 });
        using var hidden = await otherManager.GetAsync($"/api/v1/incidents/reports/{number}/improvement-report.pdf");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var forStaff = await staff.GetAsync($"/Incidents/Improvement/{number}");
        Assert.NotEqual(HttpStatusCode.OK, forStaff.StatusCode);
    }

    private Task<int> ExportsAsync(string number) =>
        app.QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == AuditActions.Export && e.EntityId == number));
}
