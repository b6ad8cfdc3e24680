using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Tokens;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.Tokens;

/// Personal access tokens and service accounts: shown once, kept as a hash, limited by scope,
/// expiry and revocation.
public abstract class TokenTests(IsmsApp app)
{
    private static JsonObject Request(string scope, int days = 30) => new() { ["name"] = "script " + Api.Unique(), ["scope"] = scope, ["expiresInDays"] = days };

    private HttpClient Bearer(string token)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<CreatedToken> MakeAsync(HttpClient session, string scope, int days = 30)
    {
        using var response = await session.PostJsonAsync("/api/v1/tokens", Request(scope, days));
        return await response.ReadAsync<CreatedToken>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Token_IsShownOnceAndStoredOnlyAsAHash()
    {
        var session = await app.ClientAsync(Roles.SecurityOfficer);

        var created = await MakeAsync(session, "Read");
        var listed = await session.GetStringAsync("/api/v1/tokens");

        Assert.StartsWith(TokenSecret.Prefix, created.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);
        Assert.Contains(created.Token.Prefix, listed, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Set<AccessToken>().SingleAsync(t => t.Id == created.Token.Id));
        Assert.Equal(TokenSecret.HashOf(created.Secret), stored.Hash);
        Assert.DoesNotContain(created.Secret, stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadToken_ReadsButCannotWrite()
    {
        var session = await app.ClientAsync(Roles.SecurityOfficer);
        var token = Bearer((await MakeAsync(session, "Read")).Secret);

        using var read = await token.GetAsync("/api/v1/units");
        using var write = await token.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U"), null));

        await read.ExpectAsync(HttpStatusCode.OK);
        await write.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TokenUse_IsInTheAuditTrailWithTheAccountAsActor()
    {
        var userName = "tokenuser-" + Api.Unique();
        await app.CreateUserAsync(userName, Roles.Auditor);
        var session = app.AnonymousClient();
        (await IsmsApp.SignInAsync(session, userName, IsmsApp.Password)).Dispose();
        var created = await MakeAsync(session, "Read");

        using var first = await Bearer(created.Secret).GetAsync("/api/v1/units");
        using var second = await Bearer(created.Secret).GetAsync("/api/v1/units");

        var entries = await app.QueryAsync(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditActions.TokenUsed && e.EntityId == created.Token.Id.ToString()).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(userName, e.ActorName));
        Assert.NotNull(await app.QueryAsync(db => db.Set<AccessToken>().Where(t => t.Id == created.Token.Id).Select(t => t.LastUsedAt).SingleAsync()));
    }

    [Fact]
    public async Task WriteToken_WritesWithTheAccountsRolesOnly()
    {
        var officer = Bearer((await MakeAsync(await app.ClientAsync(Roles.SecurityOfficer), "Write")).Secret);
        var staff = Bearer((await MakeAsync(await app.ClientAsync(Roles.Staff), "Write")).Secret);

        using var allowed = await officer.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U"), null));
        using var denied = await staff.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U"), null));

        await allowed.ExpectAsync(HttpStatusCode.Created);
        await denied.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RevokedExpiredOrUnknownToken_Is401()
    {
        var session = await app.ClientAsync(Roles.Auditor);
        var revoked = await MakeAsync(session, "Read");
        var expired = await MakeAsync(session, "Read");
        (await session.DeleteAsync($"/api/v1/tokens/{revoked.Token.Id}")).Dispose();
        await app.QueryAsync(db => db.Set<AccessToken>().Where(t => t.Id == expired.Token.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, TimeProvider.System.GetUtcNow().AddSeconds(-1))));

        foreach (var secret in new[] { revoked.Secret, expired.Secret, TokenSecret.NewToken(), "not-a-token" })
        {
            using var response = await Bearer(secret).GetAsync("/api/v1/units");
            await response.ExpectAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task Token_CannotMakeTokensOrOpenPages()
    {
        var token = Bearer((await MakeAsync(await app.ClientAsync(Roles.SecurityOfficer), "Write")).Secret);

        using var mint = await token.PostJsonAsync("/api/v1/tokens", Request("Write"));
        using var page = await token.GetAsync("/People");

        await mint.ExpectAsync(HttpStatusCode.Forbidden);
        await page.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdministratorsToken_CannotManageServiceAccounts()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var token = Bearer((await MakeAsync(admin, "Write")).Secret);

        using var create = await token.PostJsonAsync("/api/v1/service-accounts", new JsonObject { ["userName"] = "svc-" + Api.Unique().ToLowerInvariant(), ["role"] = Roles.Administrator });
        using var list = await token.GetAsync("/api/v1/service-accounts");

        await create.ExpectAsync(HttpStatusCode.Forbidden);
        await list.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OtherAccountsToken_CannotBeRevoked()
    {
        var owner = await MakeAsync(await app.ClientAsync(Roles.Staff), "Read");
        var other = await app.ClientAsync(Roles.Staff);

        using var response = await other.DeleteAsync($"/api/v1/tokens/{owner.Token.Id}");

        await response.ExpectAsync(HttpStatusCode.NotFound);
        using var stillWorks = await Bearer(owner.Secret).GetAsync("/api/v1/tokens");
        await stillWorks.ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(367)]
    public async Task Expiry_OutOfRange_IsAFieldError(int days)
    {
        var session = await app.ClientAsync(Roles.Staff);

        using var response = await session.PostJsonAsync("/api/v1/tokens", Request("Read", days));

        Assert.Equal(["ExpiresInDays"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task ServiceAccount_WorksOnlyThroughTokens()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var name = "probe-" + Api.Unique().ToLowerInvariant();
        using var create = await admin.PostJsonAsync("/api/v1/service-accounts", new JsonObject { ["userName"] = name, ["role"] = Roles.SecurityOfficer });
        var account = await create.ReadAsync<ServiceAccountResponse>(HttpStatusCode.Created);
        using var made = await admin.PostJsonAsync($"/api/v1/service-accounts/{account.Id}/tokens", Request("Read"));
        var token = await made.ReadAsync<CreatedToken>(HttpStatusCode.Created);

        using var signIn = await IsmsApp.SignInAsync(app.AnonymousClient(), name, "");
        using var signInWithAnything = await IsmsApp.SignInAsync(app.AnonymousClient(), name, IsmsApp.Password);
        using var read = await Bearer(token.Secret).GetAsync("/api/v1/units");
        using var byStaff = await (await app.ClientAsync(Roles.Staff)).GetAsync("/api/v1/service-accounts");

        Assert.NotEqual(HttpStatusCode.OK, signIn.StatusCode);
        await signInWithAnything.ExpectAsync(HttpStatusCode.Unauthorized);
        await read.ExpectAsync(HttpStatusCode.OK);
        await byStaff.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DisabledAccount_TokenStopsWorking()
    {
        var userName = "disabled-" + Api.Unique();
        var session = app.AnonymousClient();
        await app.CreateUserAsync(userName, Roles.Staff);
        (await IsmsApp.SignInAsync(session, userName, IsmsApp.Password)).Dispose();
        var token = await MakeAsync(session, "Read");
        await app.QueryAsync(db => db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockoutEnd, DateTimeOffset.MaxValue)));

        using var response = await Bearer(token.Secret).GetAsync("/api/v1/tokens");

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class TokenTestsOnSqlite(SqliteApp app) : TokenTests(app), IClassFixture<SqliteApp>;

public sealed class TokenTestsOnPostgres(PostgresApp app) : TokenTests(app), IClassFixture<PostgresApp>;
