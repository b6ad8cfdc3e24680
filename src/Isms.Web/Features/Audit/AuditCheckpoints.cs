using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Isms.Core.Audit;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Audit;

/// Signed checkpoints outside the database: one JSON line each in a file (and optionally a syslog
/// datagram), so that a chain rewritten whole, cut short or restored from an older copy no longer
/// matches what was seen earlier.
public sealed partial class AuditCheckpoints(
    AuditKeys keys, IOptions<AuditOptions> options, IOptions<DatabaseOptions> database, IConfiguration configuration,
    TimeProvider clock, ILogger<AuditCheckpoints> logger)
{
    public const string DefaultFileName = "audit-checkpoints.jsonl";

    private static readonly SemaphoreSlim FileLock = new(1, 1);

    public string FilePath => options.Value.CheckpointPath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AuditKeys.SqliteFolder(database.Value, configuration) ?? Path.GetFullPath("data"), DefaultFileName);

    /// Signs the head as the database holds it now and appends it.
    public async Task<AuditCheckpoint> WriteAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(cancellationToken);
        var checkpoint = AuditCheckpoint.Sign(head.Sequence, head.Hash, clock.GetUtcNow(), keys.CheckpointKey);
        var line = JsonSerializer.Serialize(new Line(checkpoint.Count, Convert.ToHexString(checkpoint.Head), checkpoint.At, Convert.ToHexString(checkpoint.Signature)));
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await FileLock.WaitAsync(cancellationToken);
        try
        {
            // One write of one line, appended: other processes appending to the same file interleave whole lines.
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            FileLock.Release();
        }

        if (options.Value.CheckpointSyslog is { Length: > 0 } syslog)
        {
            await SendSyslogAsync(syslog, checkpoint, line, cancellationToken);
        }

        return checkpoint;
    }

    /// Every checkpoint in the file; a line that cannot be read is an error, never skipped.
    public static async Task<(List<AuditCheckpoint> Checkpoints, List<string> Errors)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var checkpoints = new List<AuditCheckpoint>();
        var errors = new List<string>();
        if (!File.Exists(path))
        {
            return (checkpoints, errors);
        }

        var number = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                var line = JsonSerializer.Deserialize<Line>(text) ?? throw new JsonException("empty");
                checkpoints.Add(new AuditCheckpoint(line.Count, Convert.FromHexString(line.Head), line.At, Convert.FromHexString(line.Signature)));
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentNullException)
            {
                errors.Add($"{path} line {number} is not a checkpoint: {e.Message}");
            }
        }

        return (checkpoints, errors);
    }

    private async Task SendSyslogAsync(string target, AuditCheckpoint checkpoint, string line, CancellationToken cancellationToken)
    {
        try
        {
            var colon = target.LastIndexOf(':');
            var (host, port) = colon > 0 ? (target[..colon], int.Parse(target[(colon + 1)..], CultureInfo.InvariantCulture)) : (target, 514);
            // RFC 5424: <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG; facility 10 (authpriv), severity 5 (notice).
            var message = $"<85>1 {checkpoint.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ} {Environment.MachineName} isms {Environment.ProcessId} audit-checkpoint - {line}";
            using var udp = new UdpClient();
            await udp.SendAsync(Encoding.UTF8.GetBytes(message), host, port, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or FormatException)
        {
            Log.SyslogFailed(logger, target, e.Message);
        }
    }

    private sealed record Line(long Count, string Head, DateTimeOffset At, string Signature);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The audit checkpoint could not be sent to syslog at {Target}: {Reason}")]
        public static partial void SyslogFailed(ILogger logger, string target, string reason);
    }
}
