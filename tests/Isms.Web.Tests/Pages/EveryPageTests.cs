using System.Net;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Demo;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Pages;

/// Every page of the UI opens on a populated database, in both languages, for the roles that may
/// see it, and refuses the roles that may not (issue 2: UI shell; STYLE 10: deny by default).
public abstract class EveryPageTests(IsmsApp app)
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    public static TheoryData<string, string> PagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[]
        {
            "/", "/People", "/People?status=All&sort=-unit&page=2&pageSize=10", "/People?kind=vendorstaff", "/People/Edit", "/People/Import",
            "/People/Details/{person}", "/People/Edit/{person}", "/Organisation/Units", "/Organisation/Units/Edit",
            "/Organisation/Units/Edit/{unit}", "/Organisation/Vendors", "/Organisation/Vendors/Edit", "/Organisation/Vendors/Edit/{vendor}",
            "/Accounts/Preferences", "/Accounts/ChangePassword", "/Accounts/Mfa", "/Accounts/Mfa/Enrol",
            "/Documents", "/Documents?kind=procedure&withdrawn=true&sort=-title", "/Documents/Details/{document}", "/Documents/Edit", "/Documents/Edit/{document}",
            "/Tokens",
            "/Audit", "/Audit?action=record.create&entityType=Person&from=2020-01-01&to=2099-12-31T23:59&pageSize=5", "/Audit/Details/{audit}",
            "/ServiceDesk", "/ServiceDesk?status=all&sort=-received&page=2", "/ServiceDesk?atRisk=true", "/ServiceDesk/New",
            "/ServiceDesk/Achievement", "/ServiceDesk/Achievement?year=2025", "/ServiceDesk/Settings", "/ServiceDesk/Category", "/ServiceDesk/Category/1",
            "/Calendar", "/Calendar?year=2025", "/Calendar?year=2031",
            "/Incidents/Sanctions", "/Incidents/Sanctions?kind=punishment&year=2026", "/Incidents/Sanctions/Edit",
            "/Incidents", "/Incidents?status=Confirmed&open=true", "/Incidents/Objective", "/Incidents/Objective?year=2025&half=2", "/Incidents/Report", "/Incidents/Mine",
        })
        {
            data.Add(path, "en");
            data.Add(path, "zh-TW");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndLanguages))]
    public async Task Page_SecurityOfficer_Opens(string path, string language)
    {
        var url = await ResolveAsync(path);
        var client = await app.ClientAsync(Roles.SecurityOfficer);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(language == "en" ? "lang=\"en\"" : "lang=\"zh-Hant-TW\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x(4E|[5-9][0-9A-F])[0-9A-F]{2};", html); // Chinese is written as characters, not entities
    }

    public static TheoryData<string, string> DeskPagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[]
        {
            "/ServiceDesk", "/ServiceDesk?status=Finished&assigneeId=1", "/ServiceDesk/New", "/ServiceDesk/Forms/QA-2025-000001",
            "/ServiceDesk/Forms/QA-2025-000001/Print", "/ServiceDesk/Achievement?year=2025",
        })
        {
            data.Add(path, "en");
            data.Add(path, "zh-TW");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeskPagesAndLanguages))]
    public async Task Page_ServiceDeskAgent_Opens(string path, string language)
    {
        await ResolveAsync("/");
        var unit = await app.QueryAsync(db => db.Set<Unit>().Where(u => u.Code == "DG-IM").Select(u => u.Id).SingleAsync());
        var client = await app.ClientAsAsync(new Principal(Roles.ServiceDesk, Roles.Staff) { UnitId = unit, Clearance = 1 });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(language == "en" ? "lang=\"en\"" : "lang=\"zh-Hant-TW\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x(4E|[5-9][0-9A-F])[0-9A-F]{2};", html);
    }

    public static TheoryData<string, string> AdministratorPagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/Accounts/Admin", "/Accounts/Admin?q=user&page=1", "/Accounts/Admin/Details/{account}", "/Accounts/Admin/MfaRoles" })
        {
            data.Add(path, "en");
            data.Add(path, "zh-TW");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AdministratorPagesAndLanguages))]
    public async Task Page_Administrator_Opens(string path, string language)
    {
        var client = await app.ClientAsync(Roles.Administrator);
        var account = await app.CreateUserAsync(Api.Unique("page"), Roles.Staff);
        using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("{account}", account.Id.ToString(), StringComparison.Ordinal));
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(language == "en" ? "lang=\"en\"" : "lang=\"zh-Hant-TW\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x(4E|[5-9][0-9A-F])[0-9A-F]{2};", html);
    }

    [Theory]
    [InlineData("/People")]
    [InlineData("/Organisation/Units")]
    [InlineData("/Organisation/Vendors")]
    [InlineData("/People/Details/{person}")]
    public async Task ReadPage_Manager_OpensWithoutChangeButtons(string path)
    {
        var url = await ResolveAsync(path);
        var directorate = await app.QueryAsync(db => db.Set<Unit>().Where(u => u.Code == "DG").Select(u => u.Id).SingleAsync());
        var client = await app.ClientAsAsync(new Principal(Roles.Manager) { Scopes = new Dictionary<string, int[]> { [Roles.Manager] = [directorate] } });

        using var response = await client.GetAsync(url);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("/Edit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Deactivate", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/People/Edit", Roles.Manager)]
    [InlineData("/People/Import", Roles.Auditor)]
    [InlineData("/Organisation/Units/Edit", Roles.Manager)]
    [InlineData("/Organisation/Vendors/Edit", Roles.Auditor)]
    [InlineData("/People", Roles.Staff)]
    [InlineData("/Organisation/Units", Roles.Vendor)]
    [InlineData("/Audit", Roles.Staff)] // audit.read is Auditor and SecurityOfficer only
    [InlineData("/Audit", Roles.Administrator)]
    [InlineData("/Audit/Details/1", Roles.Manager)]
    [InlineData("/ServiceDesk/Settings", Roles.Manager)]
    [InlineData("/ServiceDesk/Achievement", Roles.Staff)]
    public async Task Page_RoleWithoutPermission_IsDenied(string path, string role)
    {
        var client = await app.ClientAsync(role);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Accounts/Denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task PersonPages_ShowMarkupAndSqlAsText()
    {
        var hostile = "<script>alert(1)</script> Robert'); DROP TABLE Persons;--";
        var id = await app.QueryAsync(async db =>
        {
            var unit = await db.Set<Unit>().FirstAsync();
            var person = new Person { FullName = hostile, JobFunction = "<img src=x onerror=alert(2)>", UnitId = unit.Id, ActiveFrom = new DateOnly(2026, 1, 1) };
            person.RefreshSearchText();
            db.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var client = await app.ClientAsync(Roles.SecurityOfficer);

        var details = await client.GetStringAsync($"/People/Details/{id}");
        var list = await client.GetStringAsync("/People?q=" + Uri.EscapeDataString("drop table"));

        foreach (var html in new[] { details, list })
        {
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Robert&#x27;); DROP TABLE Persons;--", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownRecord_Page_Is404()
    {
        var client = await app.ClientAsync(Roles.SecurityOfficer);

        using var response = await client.GetAsync("/People/Details/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// The demonstration organisation, seeded once per app, gives every page something to show.
    private async Task<string> ResolveAsync(string path)
    {
        await Seeding.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
        finally
        {
            Seeding.Release();
        }

        var ids = await app.QueryAsync(async db => (
            Person: await db.Set<Person>().Where(p => p.Email == "user001@customs.example").Select(p => p.Id).SingleAsync(),
            Unit: await db.Set<Unit>().Where(u => u.Code == "KLC").Select(u => u.Id).SingleAsync(),
            Vendor: await db.Set<Vendor>().OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(),
            Document: await db.Set<Isms.Web.Features.Documents.Document>().Where(d => d.Reference == "ISMS-F-030").Select(d => d.Id).SingleAsync(),
            Audit: await db.Set<AuditEntry>().Where(e => e.Action == AuditActions.Create).MaxAsync(e => e.Sequence)));
        return path.Replace("{person}", ids.Person.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unit}", ids.Unit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{vendor}", ids.Vendor.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{document}", ids.Document.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{audit}", ids.Audit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

public sealed class EveryPageTestsOnSqlite(SqliteApp app) : EveryPageTests(app), IClassFixture<SqliteApp>;

public sealed class EveryPageTestsOnPostgres(PostgresApp app) : EveryPageTests(app), IClassFixture<PostgresApp>;
