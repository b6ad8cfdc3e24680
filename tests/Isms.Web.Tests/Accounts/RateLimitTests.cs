using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;

namespace Isms.Web.Tests.Accounts;

/// Apps with low limits set through configuration (Isms:RateLimits:*), one per limit, so the
/// counters of one test never touch another's.
public sealed class SignInPerAccountLimitApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Isms:RateLimits:SignInPerAccount"] = "3";
}

public sealed class SignInPerIpLimitApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Isms:RateLimits:SignInPerIp"] = "4";
}

public sealed class ApiLimitApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Isms:RateLimits:ApiPerAccount"] = "5";
        settings["Isms:RateLimits:ApiPerIp"] = "3";
    }
}

internal static class RateLimitAssert
{
    /// 429, a Retry-After of a positive number of seconds, and (for the API) problem details.
    public static async Task TooManyAsync(HttpResponseMessage response, bool api = true)
    {
        await response.ExpectAsync(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
        if (api)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(RateLimits.TooManyRequestsType, problem["type"]!.GetValue<string>());
            Assert.Equal(429, problem["status"]!.GetValue<int>());
        }
    }
}

// Issue 3, item 2: per-account rate limit on sign-in (the user name tried), on both steps.
public sealed class SignInPerAccountLimitTests(SignInPerAccountLimitApp app) : IClassFixture<SignInPerAccountLimitApp>
{
    [Fact]
    public async Task SignIn_FourthAttemptForOneName_Is429WithRetryAfter_OtherNamesStillAnswer()
    {
        var userName = Api.Unique("user");
        await app.CreateUserAsync(userName, Roles.Staff);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await IsmsApp.SignInAsync(app.AnonymousClient(), userName, $"wrong-password-{attempt}");
            await allowed.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var limited = await IsmsApp.SignInAsync(app.AnonymousClient(), userName.ToUpperInvariant(), IsmsApp.Password);

        await RateLimitAssert.TooManyAsync(limited);
        using var other = await IsmsApp.SignInAsync(app.AnonymousClient(), Api.Unique("other"), "wrong-password");
        await other.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignInPage_OverTheLimit_Is429WithAFriendlyPage()
    {
        var userName = Api.Unique("page");
        var client = app.AnonymousClient();
        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            last?.Dispose();
            last = await Forms.PostAsync(client, "/Accounts/SignIn",
                new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = $"wrong-password-{attempt}" });
        }

        using var response = last!;
        await RateLimitAssert.TooManyAsync(response, api: false);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFactor_CountsForTheSameAccount()
    {
        var userName = Api.Unique("mfa");
        await app.CreateUserAsync(userName, Roles.Staff);
        var client = app.AnonymousClient();
        using (var signIn = await IsmsApp.SignInAsync(client, userName, IsmsApp.Password))
        {
            await signIn.ExpectAsync(HttpStatusCode.OK);
        }

        await IsmsApp.EnrolMfaAsync(client);
        var next = app.AnonymousClient();
        using (var password = await IsmsApp.SignInAsync(next, userName, IsmsApp.Password))
        {
            Assert.True((await password.ReadAsync<SignInResponse>()).SecondFactorRequired);
        }

        // Two password steps used two of the three attempts; the first code uses the third.
        using (var code = await IsmsApp.SecondFactorAsync(next, code: "000000"))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, code.StatusCode);
        }

        using var limited = await IsmsApp.SecondFactorAsync(next, code: "000000");
        await RateLimitAssert.TooManyAsync(limited);
    }
}

// Issue 3, item 2: per-IP rate limit on sign-in, whatever names are tried.
public sealed class SignInPerIpLimitTests(SignInPerIpLimitApp app) : IClassFixture<SignInPerIpLimitApp>
{
    [Fact]
    public async Task SignIn_FifthAttemptFromOneAddress_Is429()
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var allowed = await IsmsApp.SignInAsync(app.AnonymousClient(), Api.Unique("nobody"), "wrong-password");
            await allowed.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var limited = await IsmsApp.SignInAsync(app.AnonymousClient(), Api.Unique("nobody"), "wrong-password");

        await RateLimitAssert.TooManyAsync(limited);
    }
}

// Issue 3, item 2: the API in general, per signed-in account and per IP for anonymous callers.
public sealed class ApiLimitTests(ApiLimitApp app) : IClassFixture<ApiLimitApp>
{
    [Fact]
    public async Task Api_PerAccount_SixthCallInTheWindow_Is429_AnotherAccountIsNotAffected()
    {
        var first = await app.ClientAsync(Roles.Auditor);
        var second = await app.ClientAsync(Roles.Auditor);
        for (var call = 1; call <= 5; call++)
        {
            using var allowed = await first.GetAsync(Api.PersonsUrl);
            await allowed.ExpectAsync(HttpStatusCode.OK);
        }

        using var limited = await first.GetAsync(Api.PersonsUrl);

        await RateLimitAssert.TooManyAsync(limited);
        using var other = await second.GetAsync(Api.PersonsUrl);
        await other.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_Anonymous_PerIp_Is429()
    {
        var client = app.AnonymousClient();
        HttpStatusCode last = HttpStatusCode.OK;
        HttpResponseMessage? limited = null;
        for (var call = 1; call <= 10 && last != HttpStatusCode.TooManyRequests; call++)
        {
            limited?.Dispose();
            limited = await client.PostAsJsonAsync("/api/v1/auth/mfa", new { });
            last = limited.StatusCode;
        }

        using var response = limited!;
        await RateLimitAssert.TooManyAsync(response);
    }
}
