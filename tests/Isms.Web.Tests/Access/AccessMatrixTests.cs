using System.Net;
using System.Text;
using Isms.Core.Access;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Features.Tokens;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Access;

/// Signs in as each principal of AccessMatrix.Principals and calls every endpoint of the running
/// app, comparing allowed / denied / hidden with the table in AccessMatrix.
public abstract class AccessMatrixTests(IsmsApp app)
{
    private sealed record World(int Root, int Keelung, int Taichung, int Vendor1, int Vendor2, int Document, int Person, int Responsibility,
        Guid TargetAccount, Guid ServiceAccount, Guid ServiceToken)
    {
        public QaFixture Qa { get; init; } = null!;

        public AvailabilityFixture Availability { get; init; } = null!;

        public string Report { get; init; } = "";

        public int Sanction { get; init; }
        public int ReportFile { get; init; }
    }

    private async Task<World> ArrangeAsync()
    {
        var root = await app.AddUnitAsync(null);
        var keelung = await app.AddUnitAsync(root);
        var taichung = await app.AddUnitAsync(root);
        var vendor1 = await app.AddVendorAsync();
        var vendor2 = await app.AddVendorAsync();
        var document = await app.AddDocumentAsync(Api.Unique("MX"), keelung, 1, RecordAudience.Restricted, vendor1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var person = new Person { FullName = "Matrix " + Api.Unique(), JobFunction = "Clerk", UnitId = keelung, ActiveFrom = new DateOnly(2020, 1, 1) };
        person.RefreshSearchText();
        db.Add(person);
        await db.SaveChangesAsync();
        var responsibility = new Responsibility { PersonId = person.Id, UnitId = keelung, Kind = ResponsibilityKind.DepartmentHead, From = new DateOnly(2024, 1, 1) };
        db.Add(responsibility);
        await db.SaveChangesAsync();
        var tokens = scope.ServiceProvider.GetRequiredService<TokenWrites>();
        var service = await tokens.CreateServiceAccountAsync(new ServiceAccountRequest { UserName = "svc-" + Api.Unique().ToLowerInvariant(), Role = Roles.Staff }, CancellationToken.None);
        var token = await tokens.CreateAsync(service.Id, new TokenRequest { Name = "matrix" }, CancellationToken.None);
        // The account the administrator's account endpoints act on (reset, lock, disable…), so that
        // no principal of the table loses its session midway.
        var target = await app.CreateUserAsync("target-" + Api.Unique(), Roles.Staff);
        var report = await IncidentFixture.ArrangeAsync(app);
        return new World(root, keelung, taichung, vendor1, vendor2, document, person.Id, responsibility.Id, target.Id, service.Id, token.Token.Id)
        {
            Qa = await QaFixture.ArrangeAsync(app, person.Id, keelung),
            Availability = await AvailabilityFixture.ArrangeAsync(app),
            Sanction = await IncidentFixture.SanctionAsync(app, person.Id, keelung),
            Report = report,
            ReportFile = await IncidentFixture.AddFileAsync(app, report),
        };
    }

    private async Task<Dictionary<string, HttpClient>> SignInAllAsync(World w)
    {
        const int Internal = 1, Sensitive = 2, Confidential = 3;
        var clients = new Dictionary<string, HttpClient>
        {
            ["anon"] = app.AnonymousClient(),
            ["unsigned"] = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = w.Keelung, Clearance = Internal, AgreementSigned = false }),
            ["staff"] = await app.ClientAsAsync(new Principal(Roles.Staff) { UnitId = w.Keelung, Clearance = Internal }),
            ["vendor"] = await app.ClientAsAsync(new Principal(Roles.Vendor) { UnitId = w.Keelung, VendorId = w.Vendor1, Clearance = Internal }),
            ["vendor2"] = await app.ClientAsAsync(new Principal(Roles.Vendor) { UnitId = w.Keelung, VendorId = w.Vendor2, Clearance = Internal }),
            ["manager"] = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = w.Keelung, Clearance = Sensitive }),
            ["manager2"] = await app.ClientAsAsync(new Principal(Roles.Manager) { UnitId = w.Taichung, Clearance = Sensitive }),
            ["officer"] = await app.ClientAsAsync(new Principal(Roles.SecurityOfficer) { UnitId = w.Root, Clearance = Confidential }),
            ["auditor"] = await app.ClientAsAsync(new Principal(Roles.Auditor) { UnitId = w.Root, Clearance = Confidential }),
            ["admin"] = await app.ClientAsAsync(new Principal(Roles.Administrator)),
            ["desk"] = await app.ClientAsAsync(new Principal(Roles.ServiceDesk, Roles.Staff) { UnitId = w.Root, Clearance = Internal }),
        };

        // Signed in, then disabled by an administrator: the session must stop working at once.
        var disabledName = "disabled-" + Api.Unique();
        clients["disabled"] = await app.ClientAsAsync(new Principal(Roles.SecurityOfficer) { UserName = disabledName, UnitId = w.Root, Clearance = Confidential });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var disabled = (await users.FindByNameAsync(disabledName))!;
        await users.SetLockoutEndDateAsync(disabled, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(disabled);
        return clients;
    }

    private static string Url(string key, World w)
    {
        var route = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        string Id(string segment) => segment switch
        {
            _ when route.Contains("vailability/service", StringComparison.OrdinalIgnoreCase) => w.Availability.Service.ToString(),
            _ when route.Contains("vailability/monitor", StringComparison.OrdinalIgnoreCase) => w.Availability.Monitor.ToString(),
            _ when route.Contains("vailability/outage", StringComparison.OrdinalIgnoreCase) => w.Availability.Outage.ToString(),
            _ when route.Contains("vailability/maintenance", StringComparison.OrdinalIgnoreCase) => w.Availability.Maintenance.ToString(),
            _ when route.Contains("anctions", StringComparison.Ordinal) => w.Sanction.ToString(),
            _ when route.Contains("qa-forms", StringComparison.Ordinal) => w.Qa.AttachmentId.ToString(),
            _ when route.Contains("/incidents/", StringComparison.Ordinal) && route.Contains("/files/", StringComparison.Ordinal) => w.ReportFile.ToString(),
            _ when route.Contains("/incidents/", StringComparison.Ordinal) => "999999",
            _ when route.Contains("ategor", StringComparison.Ordinal) => w.Qa.CategoryId.ToString(),
            _ when route.Contains("closures", StringComparison.Ordinal) => w.Qa.ClosureId.ToString(),
            _ when route.Contains("ocuments", StringComparison.Ordinal) => w.Document.ToString(),
            _ when route.Contains("ersons", StringComparison.Ordinal) || route.Contains("People", StringComparison.Ordinal) => w.Person.ToString(),
            _ when route.Contains("nits", StringComparison.Ordinal) => w.Keelung.ToString(),
            _ when route.Contains("endors", StringComparison.Ordinal) => w.Vendor1.ToString(),
            _ when route.Contains("responsibilities", StringComparison.Ordinal) => w.Responsibility.ToString(),
            _ when route.Contains("service-accounts", StringComparison.Ordinal) => w.ServiceAccount.ToString(),
            _ when route.Contains("/tokens/", StringComparison.Ordinal) => w.ServiceToken.ToString(),
            _ when route.Contains("ccount", StringComparison.Ordinal) => w.TargetAccount.ToString(),
            _ => throw new InvalidOperationException($"No id for {segment} in {key}: add one to AccessMatrixTests.Url."),
        };
        var parts = route.Split('/').Select(segment => segment switch
        {
            "{documentName}" => "v1",
            "{sequence:long}" => "1",
            "{number:length(14)}" or "{number}" when route.Contains("/incidents/", StringComparison.OrdinalIgnoreCase) => w.Report,
            "{number}" or "{number:length(14)}" => w.Qa.Number,
            "{year:int}" => "2026",
            "{tokenId:guid}" => w.ServiceToken.ToString(),
            "{token}" => Isms.Web.Features.Availability.PushTokens.Prefix + "no-such-monitor",
            _ when segment.StartsWith('{') => Id(segment),
            _ => segment,
        });
        return string.Join('/', parts);
    }

    private static async Task<char> OutcomeAsync(HttpClient client, string key, string url, string contentType)
    {
        var method = key.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : key[..key.IndexOf(' ', StringComparison.Ordinal)].Split(',')[0];
        if (method == "ANY")
        {
            method = "GET";
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent(contentType == "application/json" ? "{}" : "", Encoding.UTF8, contentType);
        }

        using var response = await client.SendAsync(request);
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => 'd',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Accounts/SignIn", StringComparison.Ordinal) || location.Contains("/Accounts/Denied", StringComparison.Ordinal) => 'd',
            HttpStatusCode.NotFound => 'h',
            _ => 'a',
        };
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachPrincipalAsTheTableSays()
    {
        var world = await ArrangeAsync();
        var clients = await SignInAllAsync(world);
        // A body of the type the endpoint accepts, so that routing does not answer 415 before authorization.
        var contentTypes = EndpointDeclarationTests.Endpoints(app).GroupBy(EndpointDeclarationTests.KeyOf)
            .ToDictionary(g => g.Key, g => g.First().Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts ? accepts.ContentTypes[0] : "application/json");
        var keys = contentTypes.Keys.Order(StringComparer.Ordinal).ToList();

        var mismatches = new List<string>();
        foreach (var key in keys.Where(AccessMatrix.Rows.ContainsKey))
        {
            var expected = AccessMatrix.Rows[key].Replace(" ", "", StringComparison.Ordinal);
            var actual = new StringBuilder();
            var sessions = AccessMatrix.EndsSessions.Contains(key) ? await SignInAllAsync(world) : clients;
            foreach (var principal in AccessMatrix.Principals)
            {
                actual.Append(await OutcomeAsync(sessions[principal], key, Url(key, world), contentTypes[key]));
            }

            if (actual.ToString() != expected)
            {
                mismatches.Add($"{key,-60} expected {expected} got {actual}");
            }
        }

        Assert.True(mismatches.Count == 0,
            $"Columns: {string.Join(' ', AccessMatrix.Principals)} (a allowed, d denied, h hidden as 404)\n" + string.Join("\n", mismatches));
    }
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixTestsOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
