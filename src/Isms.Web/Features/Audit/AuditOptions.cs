namespace Isms.Web.Features.Audit;

/// `Isms:Audit:*` settings. The keys never live in the database: whoever can rewrite the database
/// must not also hold what re-signs it.
public sealed class AuditOptions
{
    public const string Section = "Isms:Audit";

    /// Base64, at least 32 bytes: keys the HMAC chain.
    public string? ChainKey { get; set; }

    /// Base64, at least 32 bytes, different from the chain key: signs the checkpoints.
    public string? CheckpointKey { get; set; }

    public int CheckpointMinutes { get; set; } = 60;

    /// JSON lines, one signed checkpoint each. Default: beside the SQLite file, or ./data for PostgreSQL.
    public string? CheckpointPath { get; set; }

    /// Optional host:port of a syslog receiver (UDP, RFC 5424) that gets every checkpoint too.
    public string? CheckpointSyslog { get; set; }
}
