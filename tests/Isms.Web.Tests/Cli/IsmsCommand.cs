using System.Diagnostics;

namespace Isms.Web.Tests.Cli;

public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Errors}";
}

/// Runs the built `isms` executable as a separate process, as an operator would, and reports its
/// real exit code and output.
public static class IsmsCommand
{
    private static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(60);

    /// The build copies the referenced executable (isms.dll with its deps and runtimeconfig) here.
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "isms.dll");

    public static string Sqlite(string path) => $"--ConnectionStrings:Sqlite=Data Source={path}";

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The app reads every environment variable as configuration: keep the runner's out of it.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) && !k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"isms {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, await output, await errors);
    }
}
