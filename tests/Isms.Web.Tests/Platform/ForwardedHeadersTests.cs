using Isms.Web.Data;
using Isms.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Isms.Web.Tests.Platform;

/// Behind a reverse proxy that ends TLS: the original scheme is believed only from a configured
/// proxy, so a request that reached the proxy over HTTPS gets HSTS and Secure cookies, and a client
/// talking to the app directly cannot claim HTTPS (policy IV.C.2.c).
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-proxy-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(bool Hsts, bool SecureCookie)> AskAsync(string trustedProxy)
    {
        var app = IsmsWebApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Isms:ForwardedHeaders:KnownProxies:0"] = trustedProxy,
                ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "isms.db")}",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(app.Urls.Single()), "/Accounts/SignIn"));
            request.Headers.Host = "isms.customs.example";
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            return (response.Headers.Contains("Strict-Transport-Security"),
                cookies.Any(c => c.StartsWith("isms.antiforgery=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase)));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task FromTheTrustedProxy_HttpsIsBelieved() =>
        Assert.Equal((true, true), await AskAsync("127.0.0.1"));

    [Fact]
    public async Task FromAnyoneElse_TheHeaderIsIgnored() =>
        Assert.Equal((false, false), await AskAsync("10.9.8.7"));
}
