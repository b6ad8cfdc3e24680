using System.CommandLine;
using Isms.Web.Data;
using Isms.Web.Features.Audit;

namespace Isms.Web.Cli;

/// `isms audit verify` and `isms audit checkpoint` (issue 3, audit trail).
public static class AuditCommands
{
    public static Command Create()
    {
        var file = new Option<FileInfo?>("--checkpoints") { Description = "The checkpoint file to check against (default: Isms:Audit:CheckpointPath)." };
        var verify = new Command("verify", "Walk the whole audit chain and check it against the signed checkpoints. Exit code 1 when anything is broken.")
        {
            file,
        };
        verify.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            await using var scope = app.Services.CreateAsyncScope();
            var started = TimeProvider.System.GetTimestamp();
            var check = await scope.ServiceProvider.GetRequiredService<AuditChainCheck>().RunAsync(result.GetValue(file)?.FullName, ct);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var v = check.Verification;
            if (!check.CheckpointFileFound)
            {
                await Console.Error.WriteLineAsync($"Warning: no checkpoint file at {check.CheckpointPath}; a truncated or older chain cannot be detected without one.");
            }

            if (v.IsIntact)
            {
                await Console.Out.WriteLineAsync(
                    $"Audit trail intact: {v.Verified} entries verified, {check.Checkpoints} checkpoint(s) matched ({elapsed.TotalSeconds:0.00} s).");
                return 0;
            }

            await Console.Out.WriteLineAsync($"Audit trail BROKEN{(v.BrokenAt is { } at ? $" at entry {at}" : "")}: {v.Problem}");
            await Console.Out.WriteLineAsync($"{v.Verified} entries verified before the first problem.");
            return 1;
        });

        var checkpoint = new Command("checkpoint", "Write a signed checkpoint of the audit chain now.");
        checkpoint.SetAction(async (result, ct) =>
        {
            await using var app = IsmsCli.BuildForVerb(result);
            await using var scope = app.Services.CreateAsyncScope();
            var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
            var written = await checkpoints.WriteAsync(scope.ServiceProvider.GetRequiredService<IsmsDbContext>(), ct);
            await Console.Out.WriteLineAsync($"Checkpoint written to {checkpoints.FilePath}: {written.Count} entries, head {Convert.ToHexString(written.Head)}.");
            return 0;
        });

        return new Command("audit", "The tamper-evident audit trail.") { verify, checkpoint };
    }
}
