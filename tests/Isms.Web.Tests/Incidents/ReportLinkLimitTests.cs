using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Tests.Infrastructure;

namespace Isms.Web.Tests.Incidents;

/// Low limits on link requests: 4 per client IP and 2 per address typed in the window.
public sealed class ReportLinkLimitApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Isms:Incidents:LinkRequestsPerIp"] = "4";
        settings["Isms:Incidents:LinkRequestsPerAddress"] = "2";
        settings["Isms:Incidents:LinkAnswerMilliseconds"] = "0";
    }
}

/// The public link request is rate limited per client IP and per address typed (issue 6: "rate
/// limited"), answering 429 with Retry-After on the page and in the API.
public sealed class ReportLinkLimitTests(ReportLinkLimitApp app) : IClassFixture<ReportLinkLimitApp>
{
    [Fact]
    public async Task LinkRequests_PastThePerAddressAndPerIpLimits_429WithRetryAfter()
    {
        var client = app.AnonymousClient();
        foreach (var (address, expected) in new[]
        {
            ("a@vendor.example", HttpStatusCode.OK), ("A@Vendor.example", HttpStatusCode.OK),
            ("a@vendor.example", HttpStatusCode.TooManyRequests), // the third time for one address
            ("b@vendor.example", HttpStatusCode.OK),
            ("c@vendor.example", HttpStatusCode.TooManyRequests), // the fifth time from one IP
        })
        {
            using var response = await Forms.PostAsync(client, "/Incidents/Link", [new("Input.Email", address)]);
            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"no Retry-After for {address}");
            }
        }

        using var api = await client.PostJsonAsync("/api/v1/incidents/report-links", new JsonObject { ["email"] = "d@vendor.example" });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
