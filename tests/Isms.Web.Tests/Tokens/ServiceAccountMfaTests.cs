using System.Net;
using System.Net.Http.Headers;
using Isms.Web.Features.Tokens;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Tokens;

/// With the shipped defaults (two-factor sign-in mandatory for Administrator and SecurityOfficer),
/// a service account in such a role still works: it has no password to sign in with, so nothing to enrol.
public sealed class ServiceAccountMfaTests(MandatoryMfaApp app) : IClassFixture<MandatoryMfaApp>
{
    [Fact]
    public async Task ServiceAccountInAnMfaRole_TokenWorks()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<TokenWrites>();
        var account = await tokens.EnsureServiceAccountAsync("monitor-" + Api.Unique().ToLowerInvariant(), Roles.SecurityOfficer, CancellationToken.None);
        var token = await tokens.CreateAsync(account.Id, new TokenRequest { Name = "probe", Scope = TokenScope.Write }, CancellationToken.None);
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);

        using var read = await client.GetAsync("/api/v1/units");
        using var write = await client.PostJsonAsync("/api/v1/units", Api.UnitBody(Api.Unique("U"), null));

        await read.ExpectAsync(HttpStatusCode.OK);
        await write.ExpectAsync(HttpStatusCode.Created);
    }
}
