using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Mail;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Incidents;

/// The app with the handling unit's shared mailbox set, so that each report is mailed there.
public sealed class ChannelApp : SqliteApp
{
    public const string Mailbox = "ics-handling@customs.example";

    protected override void Configure(IDictionary<string, string?> settings) => settings["Isms:Incidents:AlertTo"] = Mailbox;
}

/// The reporting channel and its triage (issue 6): anyone reports, sees their own reports and
/// never anyone else's; the handling unit is mailed at once, rejects or confirms and grades; the
/// half year's count takes only confirmed incidents that are not drills.
public sealed class ReportingChannelTests(ChannelApp app) : IClassFixture<ChannelApp>
{
    [Fact]
    public async Task VendorReportsAWeakness_SeesOnlyTheirOwn_HandlingUnitIsMailed()
    {
        var unit = await app.AddUnitAsync(null);
        var vendor = await app.ClientAsAsync(new Principal(Roles.Vendor) { UnitId = unit, VendorId = await app.AddVendorAsync(), Clearance = 1 });
        var otherVendor = await app.ClientAsAsync(new Principal(Roles.Vendor) { UnitId = unit, VendorId = await app.AddVendorAsync(), Clearance = 1 });
        var staff = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = unit, Clearance = 1 });
        using var sent = await vendor.PostJsonAsync("/api/v1/incidents/reports", new JsonObject
        {
            ["kind"] = "Weakness",
            ["description"] = "The EDI gateway's login page shows its server version.",
            ["affectedSystem"] = "EDI gateway",
            ["contact"] = "0912-345-678",
        });
        var own = await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created);
        Assert.Matches(@"^SR-\d{4}-\d{6}$", own.Number);
        Assert.Equal(ReportStatus.Reported, own.Status);

        var mine = await vendor.GetAsync<List<OwnReportResponse>>("/api/v1/incidents/reports/mine");
        Assert.Equal([own.Number], mine.Select(r => r.Number));
        Assert.Empty(await otherVendor.GetAsync<List<OwnReportResponse>>("/api/v1/incidents/reports/mine"));
        using (var byOther = await otherVendor.GetAsync($"/api/v1/incidents/reports/{own.Number}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        }

        using (var byStaff = await staff.GetAsync($"/api/v1/incidents/reports/{own.Number}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, byStaff.StatusCode);
        }

        var mail = await app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().SingleAsync(m => m.Reason == $"incident.reported {own.Number}"));
        Assert.Equal(ChannelApp.Mailbox, mail.To);
        Assert.Contains("EDI gateway", mail.Body, StringComparison.Ordinal);

        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var full = await officer.GetAsync<ReportResponse>($"/api/v1/incidents/reports/{own.Number}");
        Assert.Equal("0912-345-678", full.Contact);
        using var rejected = await officer.PostJsonAsync($"/api/v1/incidents/reports/{own.Number}/reject", new JsonObject { ["reason"] = "The banner is the load balancer's, which shows no version.", ["version"] = full.Version });
        Assert.Equal(ReportStatus.Rejected, (await rejected.ReadAsync<ReportResponse>()).Status);
        Assert.Equal(ReportStatus.Rejected, (await vendor.GetAsync<List<OwnReportResponse>>("/api/v1/incidents/reports/mine")).Single().Status);
    }

    [Theory]
    [InlineData("""{"kind":"Incident","description":""}""", "Description")]
    [InlineData("""{"kind":"Incident","description":"x","noticedAt":"2999-01-01T00:00:00+08:00"}""", "NoticedAt")]
    public async Task BadReport_400NamingTheFieldAndNothingStored(string body, string field)
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var before = await app.QueryAsync(db => db.Set<SecurityReport>().CountAsync());
        using var response = await staff.PostAsync("/api/v1/incidents/reports", Api.Body(JsonNode.Parse(body)!));
        Api.AssertNamesField(await response.ErrorFieldsAsync(), field);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<SecurityReport>().CountAsync()));
    }

    [Fact]
    public async Task Confirm_GradesFromTheImpacts_LoweringNeedsAReason()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Declarations of one broker were altered.");
        var serious = new JsonArray(new JsonObject { ["aspect"] = "integrity", ["scope"] = "core", ["criticalInfrastructure"] = true, ["severity"] = "serious" });
        using var first = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject { ["impacts"] = serious, ["version"] = 0 });
        var graded = await first.ReadAsync<ReportResponse>();
        Assert.Equal((ReportStatus.Confirmed, 4, true), (graded.Status, graded.Level!.Value, graded.Major!.Value));

        var minor = new JsonArray(new JsonObject { ["aspect"] = "integrity", ["scope"] = "core", ["severity"] = "minor" });
        using (var lower = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject { ["impacts"] = minor, ["version"] = graded.Version }))
        {
            Api.AssertNamesField(await lower.ErrorFieldsAsync(), "Reason");
        }

        using var lowered = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject
        {
            ["impacts"] = new JsonArray(new JsonObject { ["aspect"] = "integrity", ["scope"] = "core", ["severity"] = "minor" }),
            ["reason"] = "Only test declarations were altered.",
            ["version"] = graded.Version,
        });
        Assert.Equal(2, (await lowered.ReadAsync<ReportResponse>()).Level);
        using var badImpact = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject
        {
            ["impacts"] = new JsonArray(new JsonObject { ["aspect"] = "availability", ["scope"] = "nationalSecret", ["restoredWithinTolerableTime"] = true }),
            ["version"] = graded.Version + 1,
        });
        Api.AssertNamesField(await badImpact.ErrorFieldsAsync(), "Impacts[0].Scope");
    }

    [Fact]
    public async Task Objective_CountsConfirmedIncidentsOfTheHalfYear_NotDrillsNorRejected()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var impacts = new JsonArray(new JsonObject { ["aspect"] = "availability", ["scope"] = "core", ["restoredWithinTolerableTime"] = true });
        // Year 2024, so that no other test's incidents fall in it.
        (string When, bool Drill, bool Reject)[] plan =
        [
            ("2024-01-01T00:10:00+08:00", false, false), ("2024-06-30T23:50:00+08:00", false, false), ("2024-07-01T00:00:00+08:00", false, false),
            ("2024-03-03T10:00:00+08:00", true, false), ("2024-03-04T10:00:00+08:00", false, true), ("2023-12-31T23:59:00+08:00", false, false),
        ];
        var counted = new List<string>();
        foreach (var (when, drill, reject) in plan)
        {
            var number = await ReportAsync(staff, "Clearance decisions stopped for 20 minutes.");
            using var done = reject
                ? await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/reject", new JsonObject { ["reason"] = "A planned switch-over.", ["version"] = 0 })
                : await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject { ["impacts"] = impacts.DeepClone(), ["occurredAt"] = when, ["drill"] = drill, ["version"] = 0 });
            await done.ExpectAsync(HttpStatusCode.OK);
            if (!drill && !reject && when.StartsWith("2024-0", StringComparison.Ordinal) && string.CompareOrdinal(when, "2024-07") < 0)
            {
                counted.Add(number);
            }
        }

        var manager = await app.ClientAsync(Roles.Manager);
        var h1 = await manager.GetAsync<ObjectiveResponse>("/api/v1/incidents/objective?year=2024&half=1");
        Assert.Equal(counted.Order(StringComparer.Ordinal), h1.Counted);
        Assert.Equal((2, 3, true), (h1.Count, h1.Threshold, h1.Met));
        Assert.Equal(1, (await manager.GetAsync<ObjectiveResponse>("/api/v1/incidents/objective?year=2024&half=2")).Count);
        using var badHalf = await manager.GetAsync("/api/v1/incidents/objective?year=2024&half=3");
        Api.AssertNamesField(await badHalf.ErrorFieldsAsync(), "half");
    }

    [Fact]
    public async Task ReportPage_FromAPhoneSizedForm_ThanksWithTheReferenceNumber()
    {
        var vendor = await app.ClientAsAsync(new Principal(Roles.Vendor) { UnitId = await app.AddUnitAsync(null), VendorId = await app.AddVendorAsync(), Clearance = 1 });
        Assert.Contains("href=\"/Incidents/Report\"", await vendor.GetStringAsync("/"), StringComparison.Ordinal);
        using (var empty = await Forms.PostAsync(vendor, "/Incidents/Report", [new("Input.Kind", "Weakness"), new("Input.Description", "")]))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Matches("data-valmsg-for=\"Input.Description\"[^>]*>[^<]+", await empty.Content.ReadAsStringAsync());
        }

        using var sent = await Forms.PostAsync(vendor, "/Incidents/Report", [new("Input.Kind", "Weakness"), new("Input.Description", "A USB stick was found in the inspection hall."), new("Input.AffectedSystem", "Inspection hall PC")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/Incidents/Mine?sent=SR-", location, StringComparison.Ordinal);
        var page = await vendor.GetStringAsync(location);
        Assert.Contains(location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..], page, StringComparison.Ordinal);
    }

    private static async Task<string> ReportAsync(HttpClient client, string description)
    {
        using var sent = await client.PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = "Incident", ["description"] = description });
        return (await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
    }
}
