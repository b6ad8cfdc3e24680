using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Isms.Web.Data;
using Isms.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Isms.Web.Tests.Platform;

/// With a certificate configured, plain HTTP is redirected to HTTPS and HTTPS answers carry HSTS
/// (issue 2: HTTP; policy IV.C.2.c, nothing disclosed in transit).
public sealed class HttpsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-https-").FullName;
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var certificate = Path.Combine(_folder, "isms.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedCertificate("secret"));
        _app = IsmsWebApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0", "https://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0;https://127.0.0.1:0",
                ["Kestrel:Certificates:Default:Path"] = certificate,
                ["Kestrel:Certificates:Default:Password"] = "secret",
                ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "isms.db")}",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await DatabaseSetup.MigrateAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        var http = new Uri(_app!.Urls.Single(u => u.StartsWith("http:", StringComparison.Ordinal)));
        var https = new Uri(_app.Urls.Single(u => u.StartsWith("https:", StringComparison.Ordinal)));
        using var client = Client();

        using var response = await client.GetAsync(new Uri(http, "/Accounts/SignIn"));

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal("https", response.Headers.Location?.Scheme);
        Assert.Equal(https.Port, response.Headers.Location?.Port);
    }

    [Fact]
    public async Task Https_AnswersWithHsts()
    {
        var https = new Uri(_app!.Urls.Single(u => u.StartsWith("https:", StringComparison.Ordinal)));
        using var client = Client();
        // HSTS is never sent for localhost names, so the request names the server as a browser would.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(https, "/Accounts/SignIn"));
        request.Headers.Host = "isms.customs.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    private static HttpClient Client() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    });

    private static byte[] SelfSignedCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=isms.customs.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
