using System.Security.Cryptography;
using System.Text.Json;
using Isms.Core.Audit;
using Isms.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Audit;

/// The chain key and the checkpoint key, read once. Configured keys win. Without them the embedded
/// SQLite default generates both into `audit-keys.json` beside the database file (and says so
/// loudly), so `./isms` works out of the box; PostgreSQL, where several nodes must share the keys,
/// refuses to write or verify the trail until they are configured.
public sealed partial class AuditKeys(IOptions<AuditOptions> options, IOptions<DatabaseOptions> database, IConfiguration configuration, ILogger<AuditKeys> logger)
{
    public const string KeyFileName = "audit-keys.json";

    private readonly Lazy<(byte[] Chain, byte[] Checkpoint)> _keys = new(() => Load(options.Value, database.Value, configuration, logger));

    public byte[] ChainKey => _keys.Value.Chain;

    public byte[] CheckpointKey => _keys.Value.Checkpoint;

    /// The folder of the SQLite file, or null for PostgreSQL and in-memory databases.
    public static string? SqliteFolder(DatabaseOptions database, IConfiguration configuration)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration));
        return builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory ? null : Path.GetDirectoryName(builder.DataSource);
    }

    private static (byte[], byte[]) Load(AuditOptions options, DatabaseOptions database, IConfiguration configuration, ILogger logger)
    {
        if (options.ChainKey is not null || options.CheckpointKey is not null)
        {
            var chain = Decode(options.ChainKey, "Isms:Audit:ChainKey");
            var checkpoint = Decode(options.CheckpointKey, "Isms:Audit:CheckpointKey");
            if (chain.AsSpan().SequenceEqual(checkpoint))
            {
                throw new InvalidOperationException("Isms:Audit:ChainKey and Isms:Audit:CheckpointKey must be different keys.");
            }

            return (chain, checkpoint);
        }

        var folder = SqliteFolder(database, configuration) ?? throw new InvalidOperationException(
            "The audit trail needs Isms:Audit:ChainKey and Isms:Audit:CheckpointKey (base64, at least 32 bytes each, from outside the database). " +
            "Generate them with `openssl rand -base64 32`.");
        var path = Path.Combine(folder, KeyFileName);
        var keys = ReadOrCreate(path);
        Log.KeyFileInUse(logger, path);
        return keys;
    }

    private static (byte[], byte[]) ReadOrCreate(string path)
    {
        try
        {
            var fresh = new KeyFile(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, create))
            {
                JsonSerializer.Serialize(stream, fresh);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }

        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
        return (Decode(file.ChainKey, path + " chainKey"), Decode(file.CheckpointKey, path + " checkpointKey"));
    }

    private static byte[] Decode(string? value, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64.");
        }

        return key.Length >= AuditChain.MinimumKeySize ? key
            : throw new InvalidOperationException($"{name} must be at least {AuditChain.MinimumKeySize} bytes (base64 of 32 random bytes).");
    }

    private sealed record KeyFile(string ChainKey, string CheckpointKey);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message =
            "AUDIT KEYS ARE READ FROM {Path}, beside the database. Anyone who can copy the database folder can then rewrite the audit trail " +
            "undetected. Move both keys to Isms:Audit:ChainKey and Isms:Audit:CheckpointKey (environment or a secrets store) and delete the file.")]
        public static partial void KeyFileInUse(ILogger logger, string path);
    }
}
