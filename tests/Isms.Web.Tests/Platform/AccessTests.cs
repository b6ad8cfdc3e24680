using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Platform;

/// Deny by default (STYLE 10): who gets in where, and the headers every answer carries.
public abstract class AccessTests(IsmsApp app)
{
    [Theory]
    [InlineData("/health/live")] // the process answers
    [InlineData("/health/ready")] // and reaches its database
    public async Task Health_Anonymous_Is200(string path)
    {
        using var response = await app.AnonymousClient().GetAsync(path);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/persons?" + Api.FullQuery)]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/summary")]
    public async Task Api_Anonymous_Is401NotARedirect(string path)
    {
        using var response = await app.AnonymousClient().GetAsync(path);

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(Roles.Staff)] // people.read is Administrator, SecurityOfficer, Manager, Auditor
    [InlineData(Roles.Vendor)]
    public async Task PersonsRead_RoleWithoutPeopleRead_Is403(string role)
    {
        var client = await app.ClientAsync(role);

        using var response = await client.GetAsync("/api/v1/persons?" + Api.FullQuery);

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Roles.Manager)] // people.write is Administrator and SecurityOfficer only
    [InlineData(Roles.Auditor)]
    public async Task PeopleWrite_ReadOnlyRole_Is403AndStoresNothing(string role)
    {
        var client = await app.ClientAsync(role);
        var before = await app.QueryAsync(db => db.Set<Isms.Web.Features.Organisation.Unit>().CountAsync());

        using var unit = await client.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U")));
        using var person = await client.PostJsonAsync("/api/v1/persons", Api.PersonBody(1));
        using var import = await client.PostAsync("/api/v1/persons/import", new StringContent("full_name\n", System.Text.Encoding.UTF8, "text/csv"));
        using var read = await client.GetAsync("/api/v1/persons?" + Api.FullQuery);

        await unit.ExpectAsync(HttpStatusCode.Forbidden);
        await person.ExpectAsync(HttpStatusCode.Forbidden);
        await import.ExpectAsync(HttpStatusCode.Forbidden);
        await read.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before, await app.QueryAsync(db => db.Set<Isms.Web.Features.Organisation.Unit>().CountAsync()));
    }

    [Fact]
    public async Task Root_Anonymous_RedirectsToSignIn()
    {
        using var response = await app.AnonymousClient().GetAsync("/");

        await response.ExpectAsync(HttpStatusCode.Found);
        Assert.Equal("/Accounts/SignIn", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    // Where `/` sends a browser must itself answer: the cookie's LoginPath has to be a page that
    // anyone may open, or the browser follows redirects until it gives up.
    [Fact]
    public async Task SignInPage_Anonymous_IsServedNotRedirected()
    {
        using var response = await app.AnonymousClient().GetAsync("/Accounts/SignIn");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/", false)] // the pages' side of the pipeline (today a redirect to sign-in)
    [InlineData("/Accounts/SignIn", false)]
    [InlineData("/api/v1/persons?" + Api.FullQuery, true)] // a JSON answer of the API
    public async Task SecurityHeaders_PageAndApi_ArePresent(string path, bool signedIn)
    {
        var client = signedIn ? await app.ClientAsync(Roles.Auditor) : app.AnonymousClient();

        using var response = await client.GetAsync(path);

        if (signedIn)
        {
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains(Assert.Single(response.Headers.GetValues("Referrer-Policy")), new[] { "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin" });
    }

    [Theory]
    [InlineData("/People", true)] // a page listing persons
    [InlineData("/api/v1/persons?" + Api.FullQuery, false)] // the same records through the API
    public async Task RecordAnswers_AreNeverCached(string path, bool page)
    {
        var client = await app.ClientAsync(Roles.Auditor);

        using var response = await client.GetAsync(path);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} ({(page ? "page" : "API")}) may be cached: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Stylesheet_MayBeCached()
    {
        using var response = await app.AnonymousClient().GetAsync("/css/site.css");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task OpenApi_Anonymous_DescribesThePersonsApi()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/openapi.json");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        Assert.Contains(paths, p => p.Key.TrimEnd('/') == "/api/v1/persons");
        Assert.Contains(paths, p => p.Key == "/api/v1/persons/import");
    }
}

public sealed class AccessTestsOnSqlite(SqliteApp app) : AccessTests(app), IClassFixture<SqliteApp>;

public sealed class AccessTestsOnPostgres(PostgresApp app) : AccessTests(app), IClassFixture<PostgresApp>;
