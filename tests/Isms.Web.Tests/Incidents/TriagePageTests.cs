using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Incidents;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Incidents;

/// The pages of triage and handling (issue 6): the officer's list and details, each small form
/// with its messages beside the fields, the manager's closure decision, and who may see them.
public sealed class TriagePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Officer_ListsOpensRejectsWithoutReason_SeesTheMessageBesideTheField()
    {
        var (staff, _) = await ReporterAsync();
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Weakness", "The scanner PCs share one password.");

        var list = await officer.GetStringAsync("/Incidents");
        Assert.Contains($"href=\"/Incidents/Details/{number}\"", list, StringComparison.Ordinal);
        var page = await officer.GetStringAsync($"/Incidents/Details/{number}");
        Assert.Contains("The scanner PCs share one password.", page, StringComparison.Ordinal);

        using var empty = await Forms.PostAsync(officer, $"/Incidents/Details/{number}", [new("Reject.Reason", " "), new("Reject.Version", "0")], "Reject");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Matches("<span class=\"field-validation-error\" data-valmsg-for=\"Reject.Reason\"[^>]*>Give the reason.</span>", await empty.Content.ReadAsStringAsync());
        Assert.Equal(ReportStatus.Reported, await StatusAsync(number));

        using var stale = await Forms.PostAsync(officer, $"/Incidents/Details/{number}", [new("Reject.Reason", "Not a weakness."), new("Reject.Version", "7")], "Reject");
        Assert.Contains("Someone else changed this meanwhile. Reload and try again.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var rejected = await Forms.PostAsync(officer, $"/Incidents/Details/{number}", [new("Reject.Reason", "Each PC has its own account."), new("Reject.Version", "0")], "Reject");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal($"/Incidents/Details/{number}#triage", rejected.Headers.Location?.OriginalString);
        Assert.Equal(ReportStatus.Rejected, await StatusAsync(number));
    }

    [Fact]
    public async Task Officer_PreviewsAndConfirmsThroughTheImpactsEditor_WithoutJavaScript()
    {
        var (staff, _) = await ReporterAsync();
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Incident", "The clearance gateway stopped.");
        var url = $"/Incidents/Details/{number}";
        // The first row is left empty (a browser sends its empty fields): the filled second row is the one graded.
        KeyValuePair<string, string>[] availability =
        [
            new("Grade.Impacts[0].Aspect", ""), new("Grade.Impacts[0].Scope", ""), new("Grade.Impacts[0].Severity", ""),
            new("Grade.Impacts[1].Aspect", "Availability"), new("Grade.Impacts[1].Scope", "Core"),
            new("Grade.Impacts[1].CriticalInfrastructure", "true"), new("Grade.Impacts[1].RestoredWithinTolerableTime", "true"), new("Grade.Version", "0"),
        ];

        using (var preview = await Forms.PostAsync(officer, url, availability, "Preview"))
        {
            var html = await preview.Content.ReadAsStringAsync();
            Assert.Contains("Level 3 (major)", html, StringComparison.Ordinal);
            Assert.Contains("Availability, restored within the tolerable time, core business, critical infrastructure: level 3", html, StringComparison.Ordinal);
        }

        using (var secret = await Forms.PostAsync(officer, url, [new("Grade.Impacts[0].Aspect", "Availability"), new("Grade.Impacts[0].Scope", "NationalSecret"), new("Grade.Version", "0")], "Grade"))
        {
            Assert.Matches("data-valmsg-for=\"Grade.Impacts\\[0\\].Scope\"[^>]*>Availability is graded for non-core and core business only", await secret.Content.ReadAsStringAsync());
        }

        using (var future = await Forms.PostAsync(officer, url, [.. availability, new("Grade.AwareAt", "2999-01-01T10:00")], "Grade"))
        {
            Assert.Matches("data-valmsg-for=\"Grade.AwareAt\"[^>]*>Times cannot be in the future.", await future.Content.ReadAsStringAsync());
        }

        using var confirmed = await Forms.PostAsync(officer, url, [.. availability, new("Grade.AwareAt", "2025-03-04T09:30")], "Grade");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var report = await app.QueryAsync(db => db.Set<SecurityReport>().AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.Equal((ReportStatus.Confirmed, 3), (report.Status, report.Level));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 1, 30, 0, TimeSpan.Zero), report.AwareAt);

        var page = await officer.GetStringAsync(url);
        Assert.Contains("Level 3 (major)", page, StringComparison.Ordinal);
        Assert.Contains("overdue by", page, StringComparison.Ordinal);
        Assert.Contains("A major incident's closure needs a manager's approval.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains($"/api/v1/incidents/reports/{number}/improvement-report.pdf?lang=zh-TW", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MajorIncident_OfficerAsksToClose_ManagerOfTheUnitSendsBackThenApproves()
    {
        var (staff, unit) = await ReporterAsync();
        var manager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = unit, Clearance = 2 });
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Incident", "Declarations were altered.");
        var url = $"/Incidents/Details/{number}";
        var major = new JsonArray(new JsonObject { ["aspect"] = "integrity", ["scope"] = "core", ["severity"] = "serious" });
        await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject { ["impacts"] = major, ["version"] = 0 })).ExpectAsync(HttpStatusCode.OK);

        using (var early = await Forms.PostAsync(officer, url, [new("Closure.Version", "1")], "Closure"))
        {
            var html = await early.Content.ReadAsStringAsync();
            Assert.Contains("An incident is closed after its recovery.", html, StringComparison.Ordinal);
            Assert.Contains("Write down the root cause before asking to close.", html, StringComparison.Ordinal);
        }

        await (await Forms.PostAsync(officer, url, [new("Times.RecoveredAt", "2025-05-01T12:00"), new("Times.Version", "1")], "Times")).ExpectAsync(HttpStatusCode.Redirect);
        await (await Forms.PostAsync(officer, url, [new("Investigation.RootCause", "A shared service account."), new("Investigation.UnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Investigation.Version", "2")], "Investigation")).ExpectAsync(HttpStatusCode.Redirect);
        await (await Forms.PostAsync(officer, url, [new("Closure.Note", "Recovered, root cause known."), new("Closure.Version", "3")], "Closure")).ExpectAsync(HttpStatusCode.Redirect);

        using (var officerDecides = await Forms.PostAsync(officer, url, [new("Decision.Approve", "true"), new("Decision.Version", "4")], "Decision"))
        {
            Assert.Contains("/Accounts/Denied", officerDecides.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("Approve the closure", await manager.GetStringAsync(url), StringComparison.Ordinal);
        using (var noNote = await Forms.PostAsync(manager, url, [new("Decision.Approve", "false"), new("Decision.Version", "4")], "Decision"))
        {
            Assert.Matches("data-valmsg-for=\"Decision.Note\"[^>]*>Say why the closure is sent back.", await noNote.Content.ReadAsStringAsync());
        }

        await (await Forms.PostAsync(manager, url, [new("Decision.Approve", "true"), new("Decision.Note", "Agreed."), new("Decision.Version", "4")], "Decision")).ExpectAsync(HttpStatusCode.Redirect);
        Assert.NotNull(await app.QueryAsync(db => db.Set<SecurityReport>().Where(r => r.Number == number).Select(r => r.ClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task Officer_WorksAWeaknessAndADrill_ThroughTheSmallForms()
    {
        var (staff, unit) = await ReporterAsync();
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var owner = (await app.QueryAsync(db => db.Set<Isms.Web.Features.People.Person>().Where(p => p.UnitId == unit).Select(p => p.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var weakness = await ReportAsync(staff, "Suggestion", "Lock the screens of the scanner PCs after 5 minutes.");
        var url = $"/Incidents/Details/{weakness}";

        using (var noOwner = await Forms.PostAsync(officer, url, [new("Action.Title", "Screen lock policy"), new("Action.DueOn", "2027-01-31"), new("Action.Version", "0")], "Action"))
        {
            Assert.Matches("data-valmsg-for=\"Action.OwnerPersonId\"[^>]*>Choose who owns it.", await noOwner.Content.ReadAsStringAsync());
        }

        await (await Forms.PostAsync(officer, url, [new("Action.Title", "Screen lock policy"), new("Action.OwnerPersonId", owner), new("Action.DueOn", "2027-01-31"), new("Action.Version", "0")], "Action")).ExpectAsync(HttpStatusCode.Redirect);
        Assert.Equal(ReportStatus.Actioned, await StatusAsync(weakness));
        var task = await app.QueryAsync(db => db.Set<ReportTask>().AsNoTracking().SingleAsync(t => t.Title == "Screen lock policy"));
        Assert.Contains("Screen lock policy", await officer.GetStringAsync(url), StringComparison.Ordinal);
        await (await Forms.PostAsync(officer, url, [new("taskId", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("done", "true"), new("version", "0")], "TaskDone")).ExpectAsync(HttpStatusCode.Redirect);
        Assert.NotNull(await app.QueryAsync(db => db.Set<ReportTask>().Where(t => t.Id == task.Id).Select(t => t.DoneAt).SingleAsync()));

        using (var noText = await Forms.PostAsync(officer, url, [new("Entry.Text", "")], "Entry"))
        {
            Assert.Matches("data-valmsg-for=\"Entry.Text\"[^>]*>Say what was done or learnt.", await noText.Content.ReadAsStringAsync());
        }

        await (await Forms.PostAsync(officer, url, [new("Entry.Text", "Asked the desk to roll out the policy."), new("Entry.At", "2025-06-01T09:00")], "Entry")).ExpectAsync(HttpStatusCode.Redirect);
        Assert.Contains("Asked the desk to roll out the policy.", await officer.GetStringAsync(url), StringComparison.Ordinal);

        var drill = await ReportAsync(staff, "Incident", "Phishing drill of the first half.");
        var drillUrl = $"/Incidents/Details/{drill}";
        await (await Forms.PostAsync(officer, drillUrl,
        [
            new("Grade.Impacts[0].Aspect", "Confidentiality"), new("Grade.Impacts[0].Scope", "NonCore"), new("Grade.Impacts[0].Severity", "Minor"),
            new("Grade.Drill", "true"), new("Grade.DrillKind", "SocialEngineering"), new("Grade.Version", "0"),
        ], "Grade")).ExpectAsync(HttpStatusCode.Redirect);
        using (var tooMany = await Forms.PostAsync(officer, drillUrl, [new("DrillResults.DrillKind", "SocialEngineering"), new("DrillResults.Participants", "40"), new("DrillResults.Failures", "41"), new("DrillResults.Version", "1")], "DrillResults"))
        {
            Assert.Matches("data-valmsg-for=\"DrillResults.Failures\"[^>]*>No more can fail than took part.", await tooMany.Content.ReadAsStringAsync());
        }

        await (await Forms.PostAsync(officer, drillUrl, [new("DrillResults.DrillKind", "SocialEngineering"), new("DrillResults.Participants", "40"), new("DrillResults.Failures", "3"), new("DrillResults.Reported", "31"), new("DrillResults.Version", "1")], "DrillResults")).ExpectAsync(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Set<SecurityReport>().AsNoTracking().SingleAsync(r => r.Number == drill));
        Assert.Equal((true, DrillKind.SocialEngineering, 40, 3, 31), (stored.Drill, stored.DrillKind!.Value, stored.DrillParticipants!.Value, stored.DrillFailures!.Value, stored.DrillReported!.Value));
    }

    [Fact]
    public async Task ManagerOfAnotherUnit_404_Staff_Denied()
    {
        var (staff, _) = await ReporterAsync();
        var otherManager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = await app.AddUnitAsync(null), Clearance = 2 });
        var number = await ReportAsync(staff, "Incident", "A lost laptop.");

        using (var other = await otherManager.GetAsync($"/Incidents/Details/{number}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        Assert.DoesNotContain(number, await otherManager.GetStringAsync("/Incidents"), StringComparison.Ordinal);
        foreach (var url in new[] { "/Incidents", $"/Incidents/Details/{number}" })
        {
            using var byStaff = await staff.GetAsync(url);
            Assert.Contains("/Accounts/Denied", byStaff.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var post = await staff.PostAsync($"/Incidents/Details/{number}?handler=Reject", new FormUrlEncodedContent([new("Reject.Reason", "x")]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(ReportStatus.Reported, await StatusAsync(number));
    }

    private async Task<(HttpClient Client, int Unit)> ReporterAsync()
    {
        var unit = await app.AddUnitAsync(null);
        return (await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = unit, Clearance = 1 }), unit);
    }

    private static async Task<string> ReportAsync(HttpClient client, string kind, string description)
    {
        using var sent = await client.PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = kind, ["description"] = description });
        return (await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
    }

    private Task<ReportStatus> StatusAsync(string number) =>
        app.QueryAsync(db => db.Set<SecurityReport>().Where(r => r.Number == number).Select(r => r.Status).SingleAsync());
}
