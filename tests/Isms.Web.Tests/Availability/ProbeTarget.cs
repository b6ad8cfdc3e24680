using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Isms.Web.Tests.Availability;

public enum TargetMode
{
    Ok,
    Error,
    Hang,
}

/// A real HTTP(S) server on 127.0.0.1 for the probe engine to probe: every path answers as the
/// test sets its mode (200, 500, or no answer until the probe gives up), and every arrival is
/// logged with its time so a test can see how often each monitor was probed.
public sealed class ProbeTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _arrivals = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ProbeTarget(WebApplication app) => _app = app;

    public TargetMode Mode { get; set; } = TargetMode.Ok;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<ProbeTarget> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var target = new ProbeTarget(app);
        app.Run(target.AnswerAsync);
        await app.StartAsync();
        target.BaseAddress = new Uri(app.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return target;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// The times (since the target started) each path was asked for.
    public IReadOnlyList<TimeSpan> Arrivals(string path) => _arrivals.TryGetValue(path, out var queue) ? [.. queue] : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        _arrivals.GetOrAdd(context.Request.Path.Value ?? "/", _ => new ConcurrentQueue<TimeSpan>()).Enqueue(_clock.Elapsed);
        switch (Mode)
        {
            case TargetMode.Error:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("broken");
                break;
            case TargetMode.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            default:
                await context.Response.WriteAsync("cargo clearance ok");
                break;
        }
    }
}
