using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Incidents;

/// Handling after triage (issue 6): a weakness becomes a corrective action; an incident gets its
/// timeline, tasks and investigation; a major incident is closed only with the approval of a
/// manager of its unit; managers read their units' incidents and no others; drills keep their own
/// results; the objective counts per level, unit and system.
public sealed class HandlingTests(ChannelApp app) : IClassFixture<ChannelApp>
{
    private static readonly JsonArray Major = new(new JsonObject { ["aspect"] = "availability", ["scope"] = "core", ["criticalInfrastructure"] = true, ["restoredWithinTolerableTime"] = true });

    [Fact]
    public async Task Weakness_BecomesACorrectiveAction_WithOwnerAndDueDate()
    {
        var unit = await app.AddUnitAsync(null);
        var (staff, _) = await PersonAsync(Roles.Staff, unit);
        var (_, owner) = await PersonAsync(Roles.Staff, unit);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Weakness", "Shared passwords on the scanner PCs.");

        using (var noOwner = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/corrective-action", new JsonObject { ["title"] = "Personal accounts", ["ownerPersonId"] = 999_999, ["dueOn"] = "2027-01-31", ["version"] = 0 }))
        {
            Api.AssertNamesField(await noOwner.ErrorFieldsAsync(), "OwnerPersonId");
        }

        using var actioned = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/corrective-action", new JsonObject { ["title"] = "Personal accounts on every scanner PC", ["ownerPersonId"] = owner, ["dueOn"] = "2027-01-31", ["version"] = 0 });
        var details = await actioned.ReadAsync<IncidentDetailsResponse>();
        Assert.Equal(ReportStatus.Actioned, details.Report.Status);
        var action = Assert.Single(details.Tasks);
        Assert.Equal((ReportTaskKind.CorrectiveAction, owner, new DateOnly(2027, 1, 31)), (action.Kind, action.OwnerPersonId, action.DueOn));
        Assert.Equal(ReportStatus.Actioned, (await staff.GetAsync<List<OwnReportResponse>>("/api/v1/incidents/reports/mine")).Single().Status);

        var incident = await ReportAsync(staff, "Incident", "Malware on a scanner PC.");
        using var notAWeakness = await officer.PostJsonAsync($"/api/v1/incidents/reports/{incident}/corrective-action", new JsonObject { ["title"] = "x", ["ownerPersonId"] = owner, ["dueOn"] = "2027-01-31", ["version"] = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAWeakness.StatusCode);
    }

    [Fact]
    public async Task MajorIncident_ClosedOnlyWithTheApprovalOfAManagerOfItsUnit()
    {
        var keelung = await app.AddUnitAsync(null);
        var taichung = await app.AddUnitAsync(null);
        var (staff, staffPerson) = await PersonAsync(Roles.Staff, keelung);
        var (manager, managerPerson) = await PersonAsync(Roles.Manager, keelung);
        var (otherManager, _) = await PersonAsync(Roles.Manager, taichung);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Isms.Web.Data.IsmsDbContext>();
            await db.Set<Person>().Where(p => p.Id == managerPerson).ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, "keelung.manager@customs.example"));
        });
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Incident", "The clearance gateway of Keelung stopped.");
        var aware = DateTimeOffset.UtcNow.AddHours(-30);
        using var confirmed = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject { ["impacts"] = Major.DeepClone(), ["awareAt"] = aware, ["version"] = 0 });
        var graded = await confirmed.ReadAsync<ReportResponse>();
        Assert.Equal((3, true), (graded.Level, graded.Major));

        // Managers read their own units' incidents in full, and no others; staff never.
        var asManager = await manager.GetAsync<IncidentDetailsResponse>($"/api/v1/incidents/reports/{number}/details");
        Assert.Equal(keelung, asManager.UnitId);
        using (var other = await otherManager.GetAsync($"/api/v1/incidents/reports/{number}/details"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        Assert.DoesNotContain(await otherManager.GetAsync<List<ReportResponse>>("/api/v1/incidents/reports"), r => r.Number == number);
        Assert.Contains(await manager.GetAsync<List<ReportResponse>>("/api/v1/incidents/reports"), r => r.Number == number);
        using (var byStaff = await staff.GetAsync($"/api/v1/incidents/reports/{number}/details"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        }

        await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/timeline", new JsonObject { ["at"] = aware.AddMinutes(10), ["text"] = "Switched to the standby gateway." })).ExpectAsync(HttpStatusCode.OK);
        using (var future = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/timeline", new JsonObject { ["at"] = DateTimeOffset.UtcNow.AddDays(1), ["text"] = "x" }))
        {
            Api.AssertNamesField(await future.ErrorFieldsAsync(), "At");
        }

        var task = await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/tasks", new JsonObject { ["title"] = "Replace the failed disk", ["ownerPersonId"] = staffPerson, ["dueOn"] = "2020-01-01" })).ReadAsync<ReportTaskResponse>();
        Assert.Equal(ReportTaskKind.Task, task.Kind);
        Assert.True((await officer.GetAsync<IncidentDetailsResponse>($"/api/v1/incidents/reports/{number}/details")).Tasks.Single().Overdue);
        var done = await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/tasks/{task.Id}/done", new JsonObject { ["done"] = true, ["version"] = task.Version })).ReadAsync<ReportTaskResponse>();
        Assert.NotNull(done.DoneAt);

        // Not recovered, no root cause: the request names what is missing.
        using (var early = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/closure-request", new JsonObject { ["version"] = graded.Version }))
        {
            var fields = await early.ErrorFieldsAsync();
            Api.AssertNamesField(fields, "RecoveredAt");
            Api.AssertNamesField(fields, "RootCause");
        }

        var times = await (await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/times", new JsonObject { ["recoveredAt"] = aware.AddHours(5), ["version"] = graded.Version })).ReadAsync<ReportResponse>();
        using (var selfClose = await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/times", new JsonObject { ["recoveredAt"] = aware.AddHours(5), ["closedAt"] = DateTimeOffset.UtcNow, ["version"] = times.Version }))
        {
            Api.AssertNamesField(await selfClose.ErrorFieldsAsync(), "ClosedAt");
        }

        var investigated = await (await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/investigation", new JsonObject
        {
            ["scopeAndDamage"] = "Keelung declarations queued for 5 hours.",
            ["handlingCourse"] = "Standby gateway, disk replaced, logs reviewed.",
            ["rootCause"] = "A failed disk in the gateway's array without a hot spare.",
            ["preventiveTechnology"] = "Hot spares and disk health alerts.",
            ["plannedCompletion"] = "2027-03-31",
            ["version"] = times.Version,
        })).ReadAsync<IncidentDetailsResponse>();
        Assert.Equal("A failed disk in the gateway's array without a hot spare.", investigated.Investigation.RootCause);

        var requested = await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/closure-request", new JsonObject { ["version"] = investigated.Report.Version })).ReadAsync<IncidentDetailsResponse>();
        Assert.NotNull(requested.Closure.RequestedAt);
        Assert.Null(requested.Report.ClosedAt);
        Assert.True(await app.QueryAsync(db => db.Set<OutgoingMail>().AnyAsync(m => m.To == "keelung.manager@customs.example" && m.Subject.Contains(number))));

        using (var byOther = await otherManager.PostJsonAsync($"/api/v1/incidents/reports/{number}/closure-decision", new JsonObject { ["approve"] = true, ["version"] = requested.Report.Version }))
        {
            Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        }

        using (var byOfficer = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/closure-decision", new JsonObject { ["approve"] = true, ["version"] = requested.Report.Version }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        }

        using (var noReason = await manager.PostJsonAsync($"/api/v1/incidents/reports/{number}/closure-decision", new JsonObject { ["approve"] = false, ["version"] = requested.Report.Version }))
        {
            Api.AssertNamesField(await noReason.ErrorFieldsAsync(), "Note");
        }

        var approved = await (await manager.PostJsonAsync($"/api/v1/incidents/reports/{number}/closure-decision", new JsonObject { ["approve"] = true, ["note"] = "Agreed.", ["version"] = requested.Report.Version })).ReadAsync<IncidentDetailsResponse>();
        Assert.NotNull(approved.Report.ClosedAt);
        Assert.NotNull(approved.Closure.ApprovedById);
        Assert.Contains(approved.Timeline, e => e.Text.StartsWith("Closure approved.", StringComparison.Ordinal));
        using var afterClose = await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/timeline", new JsonObject { ["text"] = "late note" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterClose.StatusCode);
    }

    [Fact]
    public async Task Drill_KeepsItsOwnResults_AndIsCountedApart()
    {
        var unit = await app.AddUnitAsync(null);
        var (staff, _) = await PersonAsync(Roles.Staff, unit);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Incident", "Phishing drill of the second half.");
        var confirmed = await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject
        {
            ["impacts"] = new JsonArray(new JsonObject { ["aspect"] = "confidentiality", ["scope"] = "nonCore", ["severity"] = "minor" }),
            ["occurredAt"] = "2023-09-10T09:00:00+08:00",
            ["drill"] = true,
            ["drillKind"] = "SocialEngineering",
            ["version"] = 0,
        })).ReadAsync<ReportResponse>();
        using (var tooMany = await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/drill", new JsonObject { ["drillKind"] = "SocialEngineering", ["participants"] = 40, ["failures"] = 41, ["version"] = confirmed.Version }))
        {
            Api.AssertNamesField(await tooMany.ErrorFieldsAsync(), "Failures");
        }

        var results = await (await officer.PutJsonAsync($"/api/v1/incidents/reports/{number}/drill", new JsonObject
        {
            ["drillKind"] = "SocialEngineering",
            ["participants"] = 40,
            ["failures"] = 3,
            ["reported"] = 31,
            ["results"] = "3 opened the link; 31 reported the mail.",
            ["version"] = confirmed.Version,
        })).ReadAsync<IncidentDetailsResponse>();
        Assert.Equal((DrillKind.SocialEngineering, 40, 3, 31), (results.DrillResults!.Kind!.Value, results.DrillResults.Participants!.Value, results.DrillResults.Failures!.Value, results.DrillResults.Reported!.Value));
        var objective = await officer.GetAsync<ObjectiveResponse>("/api/v1/incidents/objective?year=2023&half=2");
        Assert.DoesNotContain(number, objective.Counted);
        Assert.True(objective.Drills >= 1);
    }

    [Fact]
    public async Task Objective_CountsPerLevelUnitAndSystem_AsAnIndependentCount()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var units = new[] { await app.AddUnitAsync(null), await app.AddUnitAsync(null) };
        var reporters = new List<HttpClient>();
        foreach (var unit in units)
        {
            reporters.Add((await PersonAsync(Roles.Staff, unit)).Client);
        }

        // Year 2022, second half: nothing else falls there.
        var random = new Random(2022);
        var expected = new List<(int Level, int Unit, string System)>();
        for (var i = 0; i < 12; i++)
        {
            var which = random.Next(2);
            var system = random.Next(2) == 0 ? "Cargo clearance" : "EDI gateway";
            var (impact, level) = random.Next(3) switch
            {
                0 => (new JsonObject { ["aspect"] = "availability", ["scope"] = "nonCore", ["restoredWithinTolerableTime"] = true }, 1),
                1 => (new JsonObject { ["aspect"] = "integrity", ["scope"] = "core", ["severity"] = "minor" }, 2),
                _ => (new JsonObject { ["aspect"] = "confidentiality", ["scope"] = "core", ["severity"] = "serious" }, 3),
            };
            var inHalf = random.Next(4) != 0;
            var drill = random.Next(5) == 0;
            using var sent = await reporters[which].PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = "Incident", ["description"] = "objective case", ["affectedSystem"] = system });
            var number = (await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
            var when = inHalf ? new DateTimeOffset(2022, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddDays(random.Next(184)) : new DateTimeOffset(2022, 6, 30, 23, 30, 0, TimeSpan.FromHours(8));
            await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject { ["impacts"] = new JsonArray(impact), ["occurredAt"] = when, ["drill"] = drill, ["version"] = 0 })).ExpectAsync(HttpStatusCode.OK);
            if (inHalf && !drill)
            {
                expected.Add((level, units[which], system));
            }
        }

        var objective = await officer.GetAsync<ObjectiveResponse>("/api/v1/incidents/objective?year=2022&half=2");
        Assert.Equal(expected.Count, objective.Count);
        Assert.Equal(expected.Count < 3, objective.Met);
        foreach (var level in Enumerable.Range(1, 4))
        {
            Assert.Equal(expected.Count(e => e.Level == level), objective.ByLevel.Single(b => b.Key == level.ToString(System.Globalization.CultureInfo.InvariantCulture)).Count);
        }

        foreach (var system in expected.Select(e => e.System).Distinct())
        {
            Assert.Equal(expected.Count(e => e.System == system), objective.BySystem.Single(b => b.Key == system).Count);
        }

        Assert.Equal(expected.Count, objective.ByUnit.Sum(u => u.Count));
        Assert.Equal(expected.GroupBy(e => e.Unit).Select(g => g.Count()).Order(), objective.ByUnit.Select(u => u.Count).Order());
    }

    [Fact]
    public async Task ObjectivePage_ShowsTheHalfYearsCountPerLevel_ForManagersNotStaff()
    {
        var unit = await app.AddUnitAsync(null);
        var (staff, _) = await PersonAsync(Roles.Staff, unit);
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var number = await ReportAsync(staff, "Incident", "A broker's account was taken over.");
        await (await officer.PostJsonAsync($"/api/v1/incidents/reports/{number}/confirm", new JsonObject
        {
            ["impacts"] = new JsonArray(new JsonObject { ["aspect"] = "confidentiality", ["scope"] = "core", ["severity"] = "serious" }),
            ["occurredAt"] = "2021-05-05T10:00:00+08:00",
            ["version"] = 0,
        })).ExpectAsync(HttpStatusCode.OK);
        var manager = await app.ClientAsync(Roles.Manager);
        var page = await manager.GetStringAsync("/Incidents/Objective?year=2021&half=1");
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("badge ok", page, StringComparison.Ordinal);
        Assert.DoesNotContain(number, await manager.GetStringAsync("/Incidents/Objective?year=2021&half=2"), StringComparison.Ordinal);
        using var byStaff = await staff.GetAsync("/Incidents/Objective");
        Assert.NotEqual(HttpStatusCode.OK, byStaff.StatusCode);
    }

    private async Task<(HttpClient Client, int PersonId)> PersonAsync(string role, int unit)
    {
        var name = "p-" + Guid.NewGuid().ToString("N")[..10];
        var client = await app.ClientAsAsync(new Principal(role) { UserName = name, UnitId = unit, Clearance = 1 });
        var person = await app.QueryAsync(db => db.Set<Person>().Where(p => p.FullName == name).Select(p => p.Id).SingleAsync());
        return (client, person);
    }

    private static async Task<string> ReportAsync(HttpClient client, string kind, string description)
    {
        using var sent = await client.PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = kind, ["description"] = description });
        return (await sent.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
    }
}
