using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Isms.Web.Tests.Infrastructure;

namespace Isms.Web.Tests.Availability;

/// An app whose probes trust one test CA (Isms:Availability:TrustedCaFile), as an agency trusts
/// its own CA for internal services.
public sealed class TlsEngineApp : SqliteApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-tls-").FullName;

    public TlsEngineApp()
    {
        Trusted = TestCertificates.SelfSigned("trusted", TimeSpan.FromDays(10));
        File.WriteAllText(Path.Combine(_folder, "ca.pem"), Trusted.ExportCertificatePem());
    }

    public X509Certificate2 Trusted { get; }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        EngineSettings.Configure(settings);
        settings["Isms:Availability:TrustedCaFile"] = Path.Combine(_folder, "ca.pem");
    }
}

internal static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string name, TimeSpan validFor)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        // Whole seconds: that is what a certificate keeps.
        var notAfter = new DateTimeOffset(now.Add(validFor).UtcTicks - (now.Add(validFor).UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        using var made = request.CreateSelfSigned(now.AddDays(-1), notAfter);
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }
}

/// TLS certificate validity and days to expiry read from test certificates (issue 5, tests).
public sealed class CertificateTests(TlsEngineApp app) : IClassFixture<TlsEngineApp>
{
    [Fact]
    public async Task TrustedCertificate_ProbeSucceedsAndItsExpiryIsKept()
    {
        await using var target = await ProbeTarget.StartAsync(app.Trusted);
        var service = await Monitors.ServiceAsync(app);
        var monitor = await Monitors.HttpAsync(app, service, target.Url("/tls"));
        var state = await Monitors.UntilAsync(() => Monitors.StateAsync(app, monitor), s => s is { LastSuccess: true, CertificateExpiresAt: not null }, "a successful HTTPS probe");
        Assert.Equal(new DateTimeOffset(app.Trusted.NotAfter.ToUniversalTime(), TimeSpan.Zero), state!.CertificateExpiresAt);
        Assert.InRange((state.CertificateExpiresAt!.Value - TimeProvider.System.GetUtcNow()).TotalDays, 9.9, 10);
    }

    [Fact]
    public async Task UntrustedCertificate_ProbeFailsButItsExpiryIsStillRead()
    {
        using var stranger = TestCertificates.SelfSigned("stranger", TimeSpan.FromDays(3));
        await using var target = await ProbeTarget.StartAsync(stranger);
        var service = await Monitors.ServiceAsync(app);
        var monitor = await Monitors.HttpAsync(app, service, target.Url("/tls"));
        var state = await Monitors.UntilAsync(() => Monitors.StateAsync(app, monitor), s => s is { LastSuccess: false, CertificateExpiresAt: not null }, "a refused HTTPS probe");
        Assert.Equal("TLS certificate refused", state!.LastError);
        Assert.Equal(new DateTimeOffset(stranger.NotAfter.ToUniversalTime(), TimeSpan.Zero), state.CertificateExpiresAt);
    }
}
