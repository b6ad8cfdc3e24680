using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Mail;
using Isms.Web.Features.People;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Incidents;

/// An app whose clock the test moves (to let links expire), with a public address for the links
/// and a floor under the request's answer time.
public sealed class ReportLinkApp : SqliteApp
{
    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => ReportLinkTests.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// The same on PostgreSQL, where two submissions with one link really run side by side.
public sealed class ReportLinkPostgresApp : PostgresApp
{
    public StoppedClock Clock { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => ReportLinkTests.Configure(settings);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ReportLinkTestsOnSqlite(ReportLinkApp app) : ReportLinkTests(app, app.Clock), IClassFixture<ReportLinkApp>;

public sealed class ReportLinkTestsOnPostgres(ReportLinkPostgresApp app) : ReportLinkTests(app, app.Clock), IClassFixture<ReportLinkPostgresApp>;

/// Reporting without an account through a single-use link (issue 6): requested from a public page
/// that answers the same whatever address is typed; mailed only to an active person without an
/// account; opens the report form once, for 30 minutes.
public abstract partial class ReportLinkTests(IsmsApp app, StoppedClock clock)
{
    public const int AnswerMilliseconds = 300;

    public static void Configure(IDictionary<string, string?> settings)
    {
        DeskClockApp.Configure(settings);
        settings["Isms:PublicUrl"] = "https://isms.customs.example/";
        settings["Isms:Incidents:AlertTo"] = ChannelApp.Mailbox;
        settings["Isms:Incidents:LinkRequestsPerIp"] = "1000";
        settings["Isms:Incidents:LinkAnswerMilliseconds"] = AnswerMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Request_AnswersAlikeForEveryAddress_MailsOnlyAnActivePersonWithoutAnAccount()
    {
        var unit = await app.AddUnitAsync(null);
        var vendorStaff = await AddPersonAsync(unit);
        var withAccount = await AddPersonAsync(unit, account: true);
        var gone = await AddPersonAsync(unit, activeTo: new DateOnly(2021, 1, 1));
        var unknown = Api.Unique("nobody").ToLowerInvariant() + "@vendor.example";
        string[] typed = ["  " + vendorStaff.Email!.ToUpperInvariant() + " ", withAccount.Email!, gone.Email!, unknown];

        var answers = new List<string>();
        foreach (var address in typed)
        {
            var client = app.AnonymousClient();
            var timer = Stopwatch.StartNew();
            using var response = await Forms.PostAsync(client, "/Incidents/Link", [new("Input.Email", address)]);
            Assert.True(timer.ElapsedMilliseconds >= AnswerMilliseconds, $"{address} answered in {timer.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(AntiforgeryToken().Replace(await response.Content.ReadAsStringAsync(), ""));
            using var api = await app.AnonymousClient().PostJsonAsync("/api/v1/incidents/report-links", new JsonObject { ["email"] = address });
            Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
            Assert.Equal("", await api.Content.ReadAsStringAsync());
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("a link to the report form is on its way", answers[0], StringComparison.Ordinal);
        var addresses = typed.Select(a => a.Trim().ToLowerInvariant()).ToList();
        var mails = await app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => addresses.Contains(m.To) && m.Reason.StartsWith("incident.link ")).ToListAsync());
        Assert.Equal([vendorStaff.Email, vendorStaff.Email], mails.Select(m => m.To));

        // Only the link's SHA-256 is kept, and the audit trail never holds the link itself.
        var token = TokenIn(mails[0].Body);
        Assert.StartsWith("https://isms.customs.example/Incidents/Link/", LinkUrl().Match(mails[0].Body).Value, StringComparison.Ordinal);
        var link = await app.QueryAsync(db => db.Set<ReportLink>().AsNoTracking().SingleAsync(l => l.TokenHash == Hash(token)));
        Assert.Equal((vendorStaff.Id, TimeSpan.FromMinutes(30)), (link.PersonId, link.ExpiresAt - link.CreatedAt));
        Assert.False(await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Changes != null && e.Changes.Contains(token))));
    }

    [Fact]
    public async Task Request_LeavesAtMostThreeLiveLinksPerPerson()
    {
        var person = await AddPersonAsync(await app.AddUnitAsync(null));
        for (var i = 0; i < 4; i++)
        {
            using var response = await app.AnonymousClient().PostJsonAsync("/api/v1/incidents/report-links", new JsonObject { ["email"] = person.Email });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(3, await app.QueryAsync(db => db.Set<ReportLink>().CountAsync(l => l.PersonId == person.Id)));
    }

    [Fact]
    public async Task Link_OpensTheForm_OneOfTwoSubmissionsBecomesTheReport_AsThePerson()
    {
        var unit = await app.AddUnitAsync(null);
        var person = await AddPersonAsync(unit);
        var token = await RequestLinkAsync(person);
        var client = app.AnonymousClient();
        var form = await client.GetStringAsync($"/Incidents/Link/{token}");
        Assert.Contains("name=\"Input.Description\"", form, StringComparison.Ordinal);
        Assert.Contains(person.FullName, form, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);

        // Both from the same form, at the same time: one report, and the other is told the link is used.
        var antiforgery = Forms.TokenOf(form);
        var log = "12:01 USB device 0781:5567 inserted on CUST-PC-0042"u8.ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent("Weakness"), "Input.Kind" },
                { new StringContent("A USB stick was left in the inspection hall PC."), "Input.Description" },
                { new StringContent(antiforgery), "__RequestVerificationToken" },
                { new ByteArrayContent(log), "Attachments", "usb.log" },
            };
            using var response = await client.PostAsync($"/Incidents/Link/{token}", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }));

        var reports = await app.QueryAsync(db => db.Set<SecurityReport>().AsNoTracking().Where(r => r.ReporterPersonId == person.Id).ToListAsync());
        var report = Assert.Single(reports);
        Assert.Equal((null, true, unit), (report.ReporterAccountId, report.ThroughLink, report.UnitId));
        Assert.Single(answers, a => a.Contains(report.Number, StringComparison.Ordinal));
        Assert.Single(answers, a => a.Contains("This link has expired or was already used", StringComparison.Ordinal) && !a.Contains("Input.Description", StringComparison.Ordinal));
        var file = await app.QueryAsync(db => db.Set<ReportFile>().AsNoTracking().SingleAsync(f => f.ReportId == report.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(log)), file.Sha256);
        Assert.NotNull((await app.QueryAsync(db => db.Set<ReportLink>().AsNoTracking().SingleAsync(l => l.TokenHash == Hash(token)))).UsedAt);

        // The reporter gets the number by mail; the handling unit is alerted as for any report.
        var mails = await app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.Reason.EndsWith(report.Number)).ToListAsync());
        Assert.Contains(mails, m => m.To == person.Email && m.Reason == $"incident.received {report.Number}" && m.Body.Contains(report.Number, StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To == ChannelApp.Mailbox && m.Reason == $"incident.reported {report.Number}");

        var again = await client.GetStringAsync($"/Incidents/Link/{token}");
        Assert.Contains("This link has expired or was already used", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Description", again, StringComparison.Ordinal);
        Assert.Contains("href=\"/Incidents/Link\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredOrUnknownLink_ShowsTheMessage_NeverTheForm_NorTakesAReport()
    {
        var person = await AddPersonAsync(await app.AddUnitAsync(null));
        var token = await RequestLinkAsync(person);
        var client = app.AnonymousClient();
        var antiforgery = Forms.TokenOf(await client.GetStringAsync($"/Incidents/Link/{token}"));
        clock.Set(clock.GetUtcNow().AddMinutes(31));

        foreach (var link in new[] { token, new string('A', ReportLinks.TokenLength), "short" })
        {
            var page = await client.GetStringAsync($"/Incidents/Link/{link}");
            Assert.Contains("This link has expired or was already used", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Input.Description", page, StringComparison.Ordinal);
        }

        using var late = await client.PostAsync($"/Incidents/Link/{token}", new FormUrlEncodedContent(
            [new("Input.Kind", "Incident"), new("Input.Description", "Too late."), new("__RequestVerificationToken", antiforgery)]));
        Assert.Contains("This link has expired or was already used", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Set<SecurityReport>().AnyAsync(r => r.ReporterPersonId == person.Id)));
    }

    [Fact]
    public async Task LinkForm_WithABadFile_FieldError_NothingStored_TheLinkStillWorks()
    {
        var person = await AddPersonAsync(await app.AddUnitAsync(null));
        var token = await RequestLinkAsync(person);
        var client = app.AnonymousClient();
        KeyValuePair<string, string>[] fields = [new("Input.Kind", "Incident"), new("Input.Description", "A mail asked me to sign in to a look-alike site.")];
        using (var refused = await Forms.PostWithFilesAsync(client, $"/Incidents/Link/{token}", fields, [("mail.pdf", "not a pdf"u8.ToArray())]))
        {
            Assert.Matches("data-valmsg-for=\"Attachments\"[^>]*>[^<]+", await refused.Content.ReadAsStringAsync());
        }

        Assert.False(await app.QueryAsync(db => db.Set<SecurityReport>().AnyAsync(r => r.ReporterPersonId == person.Id)));
        using var sent = await Forms.PostWithFilesAsync(client, $"/Incidents/Link/{token}", fields, [("mail.eml", "From: it-support@examp1e.com"u8.ToArray())]);
        Assert.Matches(@"SR-\d{4}-\d{6}", await sent.Content.ReadAsStringAsync());
        Assert.True(await app.QueryAsync(db => db.Set<SecurityReport>().AnyAsync(r => r.ReporterPersonId == person.Id)));
    }

    [Fact]
    public async Task LinkForm_WithoutTheAntiforgeryToken_IsRefused()
    {
        var person = await AddPersonAsync(await app.AddUnitAsync(null));
        var token = await RequestLinkAsync(person);
        using var forged = await app.AnonymousClient().PostAsync($"/Incidents/Link/{token}", new FormUrlEncodedContent([new("Input.Kind", "Incident"), new("Input.Description", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Set<SecurityReport>().AnyAsync(r => r.ReporterPersonId == person.Id)));
    }

    private async Task<string> RequestLinkAsync(Person person)
    {
        using var response = await app.AnonymousClient().PostJsonAsync("/api/v1/incidents/report-links", new JsonObject { ["email"] = person.Email });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await app.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.To == person.Email && m.Reason.StartsWith("incident.link ")).OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync());
        return TokenIn(body);
    }

    private async Task<Person> AddPersonAsync(int unit, bool account = false, DateOnly? activeTo = null)
    {
        var accountId = account ? (await app.CreateUserAsync("user-" + Api.Unique().ToLowerInvariant())).Id : (Guid?)null;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Isms.Web.Data.IsmsDbContext>();
        var person = new Person
        {
            FullName = "Vendor staff " + Api.Unique(),
            Email = Api.Unique("v").ToLowerInvariant() + "@vendor.example",
            Kind = PersonKind.VendorStaff,
            JobFunction = "Field engineer",
            UnitId = unit,
            ActiveFrom = new DateOnly(2020, 1, 1),
            ActiveTo = activeTo,
            AccountId = accountId,
        };
        person.RefreshSearchText();
        db.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private static string TokenIn(string body) => LinkUrl().Match(body).Groups[1].Value is { Length: ReportLinks.TokenLength } token
        ? token
        : throw new InvalidOperationException("No link in: " + body);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex(@"https://\S+/Incidents/Link/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkUrl();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryToken();
}
