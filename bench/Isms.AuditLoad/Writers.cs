using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Isms.AuditLoad;

/// N concurrent writers against a running server over HTTP: each creates persons (one audited
/// write each) as fast as it is answered. Prints requests/s and latency percentiles.
public static class Writers
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var writers = int.Parse(options.GetValueOrDefault("writers", "32"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "90"), CultureInfo.InvariantCulture);
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = writers * 2 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(options["url"]), Timeout = TimeSpan.FromSeconds(30) };
        await SignInAsync(client, options["user"], options["password"]);

        using var unit = await client.PostAsJsonAsync("/api/v1/units", new
        {
            code = "LOAD" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
            name = "Load test unit",
            kind = "Section",
            location = "Taipei City",
            version = 0,
        });
        unit.EnsureSuccessStatusCode();
        var unitId = (await unit.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        // Warm up, then measure. The warm-up is long because tiered compilation keeps re-compiling
        // the hot paths (with profile-guided optimisation) under load: a 3 s warm-up measured
        // mostly the JIT (221-256 writes/s on PostgreSQL against 394/s with tiering off), and on
        // the 2-core machine of docs/benchmarks.md the server was still compiling 60-70 s in.
        await RunForAsync(client, unitId, writers, TimeSpan.FromSeconds(warmup));
        var (latencies, errors, elapsed) = await RunForAsync(client, unitId, writers, TimeSpan.FromSeconds(seconds));
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{writers} writers, {elapsed.TotalSeconds:0.0} s: {latencies.Count} writes ({latencies.Count / elapsed.TotalSeconds:0} /s), {errors} errors; "
            + $"latency p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):0.0} ms"));
        return errors == 0 ? 0 : 1;
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunForAsync(HttpClient client, int unitId, int writers, TimeSpan duration)
    {
        var latencies = new List<double>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var mine = new List<double>();
            while (watch.Elapsed < duration)
            {
                var unique = Guid.NewGuid().ToString("N")[..12];
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/api/v1/persons", new
                {
                    employeeNumber = "L" + unique,
                    fullName = "負載測試 " + unique,
                    email = unique + "@load.example",
                    kind = "Employee",
                    unitId,
                    jobFunction = "Customs officer",
                    activeFrom = "2026-01-01",
                    version = 0,
                });
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    mine.Add(ms);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        return (latencies, errors, watch.Elapsed);
    }

    private static async Task SignInAsync(HttpClient client, string user, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        if ((await response.Content.ReadFromJsonAsync<JsonObject>())!["mustChangePassword"]!.GetValue<bool>())
        {
            using var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = password, newPassword = password + "-load-test" });
            changed.EnsureSuccessStatusCode();
        }

        // Administrators must use two-factor sign-in before anything else: enrol an "app" here.
        using var status = await client.GetAsync("/api/v1/auth/mfa");
        status.EnsureSuccessStatusCode();
        var mfa = (await status.Content.ReadFromJsonAsync<JsonObject>())!;
        if (mfa["requiredByRole"]!.GetValue<bool>() && !mfa["enabled"]!.GetValue<bool>())
        {
            using var setup = await client.PostAsync("/api/v1/auth/mfa/authenticator", null);
            setup.EnsureSuccessStatusCode();
            var key = (await setup.Content.ReadFromJsonAsync<JsonObject>())!["sharedKey"]!.GetValue<string>();
            using var enabled = await client.PostAsJsonAsync("/api/v1/auth/mfa/enable", new { code = Totp.Code(key) });
            enabled.EnsureSuccessStatusCode();
        }
    }
}
