using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Isms.Core.Incidents;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Incidents.Sanctions;
using Isms.Web.Features.People;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Audit;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Incidents;

/// Rewards and punishments (issue 6 item 6, policy VIII.A): the handling unit records them; the
/// person's unit managers, the handling unit and auditors read them; nobody else does.
public abstract class SanctionTests(IsmsApp app)
{
    private const string Url = "/api/v1/incidents/sanctions";

    [Fact]
    public async Task RewardForASuggestion_ReadByTheUnitsManagersAndAuditors_NotByOthers()
    {
        var root = await app.AddUnitAsync(null);
        var keelung = await app.AddUnitAsync(root);
        var taichung = await app.AddUnitAsync(root);
        var (staff, personId) = await PersonAsync(keelung);
        using var suggested = await staff.PostJsonAsync("/api/v1/incidents/reports", new JsonObject { ["kind"] = "Suggestion", ["description"] = "Lock screens after five minutes in the inspection hall." });
        var report = (await suggested.ReadAsync<OwnReportResponse>(HttpStatusCode.Created)).Number;
        var officer = await app.ClientAsAsync(new Principal(Roles.SecurityOfficer) { UnitId = root, Clearance = 3 });

        var body = Body(personId, "reward");
        body["report"] = report.ToLowerInvariant();
        using var created = await officer.PostJsonAsync(Url, body);
        var sanction = await created.ReadAsync<SanctionResponse>(HttpStatusCode.Created);
        Assert.Equal((SanctionKind.Reward, report, ReportKind.Suggestion, keelung), (sanction.Kind, sanction.Report, sanction.ReportKind!.Value, sanction.UnitId));

        var manager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = keelung, Clearance = 2 });
        var managerAbove = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = root, Clearance = 2 });
        var otherManager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = taichung, Clearance = 2 });
        var auditor = await app.ClientAsAsync(new Principal(Roles.Auditor) { UnitId = root, Clearance = 3 });
        foreach (var reader in new[] { manager, managerAbove, auditor, officer })
        {
            Assert.Equal(sanction.Decision, (await reader.GetAsync<SanctionResponse>($"{Url}/{sanction.Id}")).Decision);
            Assert.Contains(sanction.Id, (await reader.GetAsync<Page<SanctionResponse>>($"{Url}?personId={personId}")).Items.Select(s => s.Id));
        }

        using (var hidden = await otherManager.GetAsync($"{Url}/{sanction.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var otherList = await otherManager.GetAsync<Page<SanctionResponse>>($"{Url}?pageSize=200");
        Assert.DoesNotContain(otherList.Items, s => s.UnitId != taichung);

        var vendor = await app.ClientAsAsync(new Principal(Roles.Vendor) { UnitId = keelung, VendorId = await app.AddVendorAsync(), Clearance = 1 });
        foreach (var denied in new[] { staff, vendor, await app.ClientAsync(Roles.Administrator) })
        {
            using var one = await denied.GetAsync($"{Url}/{sanction.Id}");
            using var list = await denied.GetAsync(Url);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (one.StatusCode, list.StatusCode));
        }

        using var byManager = await manager.PostJsonAsync(Url, Body(personId, "punishment"));
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByKindAndYear_NewestFirst()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var (_, personId) = await PersonAsync(await app.AddUnitAsync(null));
        foreach (var (kind, on) in new[] { ("reward", "2024-03-01"), ("punishment", "2024-11-20"), ("reward", "2024-12-31"), ("reward", "2025-01-01") })
        {
            using var done = await officer.PostJsonAsync(Url, Body(personId, kind, on));
            await done.ExpectAsync(HttpStatusCode.Created);
        }

        var rewards2024 = await officer.GetAsync<Page<SanctionResponse>>($"{Url}?personId={personId}&kind=Reward&year=2024");
        Assert.Equal([new DateOnly(2024, 12, 31), new DateOnly(2024, 3, 1)], rewards2024.Items.Select(s => s.DecidedOn));
        Assert.Equal(4, (await officer.GetAsync<Page<SanctionResponse>>($"{Url}?personId={personId}")).Total);
        using var badKind = await officer.GetAsync($"{Url}?kind=medal");
        Api.AssertNamesField(await badKind.ErrorFieldsAsync(), "Kind");
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { """{"kind":"reward","decision":"","decidedOn":"2026-01-05","decidedBy":"Committee"}""", "Decision" },
        { """{"kind":"medal","decision":"A commendation.","decidedOn":"2026-01-05","decidedBy":"Committee"}""", "Kind" },
        { """{"decision":"A commendation.","decidedOn":"2026-01-05","decidedBy":"Committee"}""", "Kind" },
        { """{"kind":"reward","decision":"A commendation.","decidedOn":"2026-01-05","decidedBy":""}""", "DecidedBy" },
        { """{"kind":"reward","decision":"A commendation.","decidedBy":"Committee"}""", "DecidedOn" },
        { """{"kind":"reward","decision":"A commendation.","decidedOn":"{future}","decidedBy":"Committee"}""", "DecidedOn" },
        { """{"kind":"reward","decision":"A commendation.","decidedOn":"2026-01-05","decidedBy":"Committee","report":"SR-1900-000001"}""", "Report" },
        { """{"personId":2147483000,"kind":"reward","decision":"A commendation.","decidedOn":"2026-01-05","decidedBy":"Committee"}""", "PersonId" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_400NamingTheField_NothingStored(string json, string field)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var (_, personId) = await PersonAsync(await app.AddUnitAsync(null));
        var body = JsonNode.Parse(json.Replace("{future}", Api.TodayInTaipei().AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal))!.AsObject();
        body["personId"] ??= personId;
        var before = await app.QueryAsync(db => db.Set<Sanction>().CountAsync());

        using var response = await officer.PostJsonAsync(Url, body);

        Api.AssertNamesField(await response.ErrorFieldsAsync(), field);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<Sanction>().CountAsync()));
    }

    [Fact]
    public async Task Correction_AgainstAStaleVersion_409_AndEachChangeIsInTheAuditTrail()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        var (_, personId) = await PersonAsync(await app.AddUnitAsync(null));
        using var created = await officer.PostJsonAsync(Url, Body(personId, "punishment"));
        var first = await created.ReadAsync<SanctionResponse>(HttpStatusCode.Created);

        using var corrected = await officer.PutJsonAsync($"{Url}/{first.Id}", Body(personId, "punishment", decision: "A written warning, not a demerit."));
        var second = await corrected.ReadAsync<SanctionResponse>();
        Assert.Equal((1, "A written warning, not a demerit."), (second.Version, second.Decision));

        using var stale = await officer.PutJsonAsync($"{Url}/{first.Id}", Body(personId, "reward"));
        await stale.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(SanctionKind.Punishment, (await officer.GetAsync<SanctionResponse>($"{Url}/{first.Id}")).Kind);

        var entries = await app.EntriesAsync(nameof(Sanction), first.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal([AuditActions.Create, AuditActions.Update], entries.Select(e => e.Action));
        Assert.Contains("A written warning, not a demerit.", entries[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ShowTheMessageBesideTheField_AndThePersonsSectionToManagers()
    {
        var unit = await app.AddUnitAsync(null);
        var (_, personId) = await PersonAsync(unit);
        var officer = await app.ClientAsAsync(new Principal(Roles.SecurityOfficer) { UnitId = unit, Clearance = 3 });
        using (var empty = await Forms.PostAsync(officer, $"/Incidents/Sanctions/Edit?personId={personId}",
            [new("Input.PersonId", personId.ToString(CultureInfo.InvariantCulture)), new("Input.Kind", "Reward"), new("Input.Decision", ""), new("Input.DecidedOn", "2026-01-05"), new("Input.DecidedBy", "Committee"), new("Input.Report", "SR-1900-000001")]))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var html = await empty.Content.ReadAsStringAsync();
            Assert.Matches("data-valmsg-for=\"Input.Decision\"[^>]*>[^<]+", html);
        }

        using (var saved = await Forms.PostAsync(officer, "/Incidents/Sanctions/Edit",
            [new("Input.PersonId", personId.ToString(CultureInfo.InvariantCulture)), new("Input.Kind", "Reward"), new("Input.Decision", "A commendation for the lock-screen suggestion."), new("Input.DecidedOn", "2026-01-05"), new("Input.DecidedBy", "Committee"), new("Input.Report", "SR-1900-000001")]))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Matches("data-valmsg-for=\"Input.Report\"[^>]*>[^<]+", await saved.Content.ReadAsStringAsync());
        }

        using (var saved = await Forms.PostAsync(officer, "/Incidents/Sanctions/Edit",
            [new("Input.PersonId", personId.ToString(CultureInfo.InvariantCulture)), new("Input.Kind", "Reward"), new("Input.Decision", "A commendation for the lock-screen suggestion."), new("Input.DecidedOn", "2026-01-05"), new("Input.DecidedBy", "Committee")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var manager = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = unit, Clearance = 2 });
        var details = await manager.GetStringAsync($"/People/Details/{personId}");
        Assert.Contains($"href=\"/Incidents/Sanctions?personId={personId}\"", details, StringComparison.Ordinal);
        Assert.Contains("href=\"/Incidents/Sanctions\"", await manager.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("A commendation for the lock-screen suggestion.", await manager.GetStringAsync($"/Incidents/Sanctions?personId={personId}&kind=reward&year=2026"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Incidents/Sanctions/Edit", await manager.GetStringAsync($"/Incidents/Sanctions?personId={personId}"), StringComparison.Ordinal);

        var staff = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = unit, Clearance = 1 });
        Assert.DoesNotContain("href=\"/Incidents/Sanctions\"", await staff.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, int PersonId)> PersonAsync(int unitId)
    {
        var userName = "person-" + Api.Unique().ToLowerInvariant();
        var client = await app.ClientAsAsync(new Principal(Roles.Staff) { UserName = userName, UnitId = unitId, Clearance = 1 });
        return (client, await app.QueryAsync(db => db.Set<Person>().Where(p => p.FullName == userName).Select(p => p.Id).SingleAsync()));
    }

    private static JsonObject Body(int personId, string kind, string decidedOn = "2026-01-05", string decision = "A commendation before the staff meeting.") => new()
    {
        ["personId"] = personId,
        ["kind"] = kind,
        ["decision"] = decision,
        ["decidedOn"] = decidedOn,
        ["decidedBy"] = "Personnel review committee",
        ["version"] = 0,
    };
}

public sealed class SanctionTestsOnSqlite(SqliteApp app) : SanctionTests(app), IClassFixture<SqliteApp>;

public sealed class SanctionTestsOnPostgres(PostgresApp app) : SanctionTests(app), IClassFixture<PostgresApp>;
