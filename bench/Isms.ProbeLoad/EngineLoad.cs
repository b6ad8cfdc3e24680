using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Isms.ProbeLoad;

/// The engine under load: a local target answers every probe; the running app (another process,
/// started by bench/probe-bench.sh) gets MONITORS HTTP monitors through the API and probes them
/// every INTERVAL seconds. After the warm-up, the app's CPU time and memory are read from /proc.
/// Usage: engine --url URL --token TOKEN --pid PID [--monitors 2000] [--interval 10] [--warmup 60] [--seconds 120]
internal static class EngineLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string? fallback = null) =>
            args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"--{name} is required");
        var url = new Uri(Arg("url"));
        var pid = int.Parse(Arg("pid"), CultureInfo.InvariantCulture);
        var monitors = int.Parse(Arg("monitors", "2000"), CultureInfo.InvariantCulture);
        var interval = int.Parse(Arg("interval", "10"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(Arg("warmup", "60"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg("seconds", "120"), CultureInfo.InvariantCulture);

        long arrivals = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var target = builder.Build();
        target.Run(context =>
        {
            Interlocked.Increment(ref arrivals);
            return context.Response.WriteAsync("ok");
        });
        await target.StartAsync();
        var targetUrl = target.Urls.Single();

        using var api = new HttpClient { BaseAddress = url };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Arg("token"));
        var services = new List<int>();
        for (var s = 0; s < Math.Max(1, monitors / 20); s++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/availability/services", new { name = $"Load service {s:000} {Guid.NewGuid():N}", target = 0.99 });
            created.EnsureSuccessStatusCode();
            services.Add((await created.Content.ReadFromJsonAsync<IdOnly>())!.Id);
        }

        var watch = Stopwatch.StartNew();
        for (var m = 0; m < monitors; m++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/availability/monitors", new
            {
                serviceId = services[m % services.Count],
                name = $"load {m}",
                kind = "Http",
                url = $"{targetUrl}/m{m}",
                intervalSeconds = interval,
                timeoutSeconds = 5,
                expectedStatus = "200",
            });
            created.EnsureSuccessStatusCode();
        }

        Console.WriteLine($"created {monitors} monitors on {services.Count} services in {watch.Elapsed.TotalSeconds:0.0} s; warming up {warmup} s");
        await Task.Delay(TimeSpan.FromSeconds(warmup));

        var (cpu0, at0, arrived0) = (CpuTicks(pid), Stopwatch.GetTimestamp(), Interlocked.Read(ref arrivals));
        long peakRss = 0;
        for (var i = 0; i < seconds; i++)
        {
            await Task.Delay(1000);
            peakRss = Math.Max(peakRss, Status(pid, "VmRSS"));
        }

        var elapsed = Stopwatch.GetElapsedTime(at0).TotalSeconds;
        var cpu = (CpuTicks(pid) - cpu0) / 100.0;
        var probed = Interlocked.Read(ref arrivals) - arrived0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{probed / elapsed:0.0} probes/s over {elapsed:0} s; app CPU {100 * cpu / elapsed:0.0} % of one core; RSS up to {peakRss / 1024.0:0} MiB (peak since start {Status(pid, "VmHWM") / 1024.0:0} MiB)"));
        await target.StopAsync();
        return 0;
    }

    // utime + stime of the process, in clock ticks (100 a second on Linux).
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long Status(int pid, string key) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();

    private sealed record IdOnly(int Id);
}
