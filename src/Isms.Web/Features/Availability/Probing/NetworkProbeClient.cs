using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Isms.Web.Features.Availability.Probing;

/// Probes over the network: an HTTP(S) request or a TCP connect, each bounded by the monitor's
/// timeout. A certificate is checked against the system's roots plus any configured CA file
/// (Isms:Availability:TrustedCaFile, for an agency's own CA); its expiry is kept for the alert
/// even when the certificate is refused.
public sealed class NetworkProbeClient : IProbeClient, IDisposable
{
    private const int MaxBodyBytes = 1_048_576;

    private readonly HttpMessageInvoker _http;
    // When each HTTPS monitor's certificate was last read: once an hour is enough for an expiry alert.
    private readonly ConcurrentDictionary<int, (long ReadAt, DateTimeOffset? Expires)> _certificates = new();
    private readonly X509Certificate2Collection _extraRoots;
    private readonly TimeProvider _clock;

    public NetworkProbeClient(TimeProvider clock, IConfiguration configuration)
    {
        _clock = clock;
        _extraRoots = [];
        if (configuration["Isms:Availability:TrustedCaFile"] is { Length: > 0 } caFile)
        {
            _extraRoots.ImportFromPemFile(caFile);
        }

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 64,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = Validate;
        _http = new HttpMessageInvoker(handler);
    }

    public async Task<ProbeOutcome> ProbeAsync(ProbeSpec spec, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var outcome = await MeasureAsync(spec, at, cancellationToken);
        if (spec.Url?.Scheme == Uri.UriSchemeHttps)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(spec.Timeout);
            outcome = outcome with { CertificateExpiresAt = await CertificateExpiryAsync(spec, timeout.Token) };
        }

        return outcome;
    }

    private async Task<ProbeOutcome> MeasureAsync(ProbeSpec spec, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.Timeout);
        var started = _clock.GetTimestamp();
        try
        {
            return spec.Kind == MonitorKind.Tcp
                ? await ConnectAsync(spec, at, started, timeout.Token)
                : await RequestAsync(spec, at, started, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(spec, at, started, $"timed out after {spec.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(spec, at, started, Describe(e));
        }
        catch (SocketException e)
        {
            return Failed(spec, at, started, e.SocketErrorCode.ToString());
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<ProbeOutcome> ConnectAsync(ProbeSpec spec, DateTimeOffset at, long started, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(spec.Host!, spec.Port!.Value, cancellationToken);
        return new ProbeOutcome(spec.MonitorId, at, true, Elapsed(started), null, null);
    }

    private async Task<ProbeOutcome> RequestAsync(ProbeSpec spec, DateTimeOffset at, long started, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(spec.Method), spec.Url);
        request.Headers.UserAgent.ParseAdd("isms-probe/1");
        var readBody = spec.BodyContains is not null;
        using var response = await _http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (!spec.Expected.Accepts(status))
        {
            return new ProbeOutcome(spec.MonitorId, at, false, Elapsed(started), status, $"HTTP {status}");
        }

        if (readBody && !await BodyContainsAsync(response, spec.BodyContains!, cancellationToken))
        {
            return new ProbeOutcome(spec.MonitorId, at, false, Elapsed(started), status, "the answer lacks the expected text");
        }

        return new ProbeOutcome(spec.MonitorId, at, true, Elapsed(started), status, null);
    }

    private static async Task<bool> BodyContainsAsync(HttpResponseMessage response, string expected, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read).Contains(expected, StringComparison.Ordinal);
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || _extraRoots.Count == 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.VerificationTime = _clock.GetLocalNow().DateTime;
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }

    private async Task<DateTimeOffset?> CertificateExpiryAsync(ProbeSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Url?.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (_certificates.TryGetValue(spec.MonitorId, out var known) && _clock.GetElapsedTime(known.ReadAt) < TimeSpan.FromHours(1))
        {
            return known.Expires;
        }

        DateTimeOffset? expires = null;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(spec.Url.IdnHost, spec.Url.Port, cancellationToken);
            // Only the certificate is read over this connection, nothing sent: its expiry matters even when it is refused.
            await using var tls = new SslStream(client.GetStream(), false, (_, certificate, _, _) => certificate is not null);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = spec.Url.IdnHost }, cancellationToken);
            if (tls.RemoteCertificate is { } remote)
            {
                using var leaf = new X509Certificate2(remote);
                expires = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // The request itself reports what is wrong; the expiry stays as last read.
            return known.Expires;
        }

        _certificates[spec.MonitorId] = (_clock.GetTimestamp(), expires);
        return expires;
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        System.Security.Authentication.AuthenticationException => "TLS certificate refused",
        SocketException s => s.SocketErrorCode.ToString(),
        { } inner => inner.Message,
        null => e.HttpRequestError.ToString(),
    };

    private ProbeOutcome Failed(ProbeSpec spec, DateTimeOffset at, long started, string error) =>
        new(spec.MonitorId, at, false, Elapsed(started), null, error);

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, _clock.GetElapsedTime(started).TotalMilliseconds);
}
