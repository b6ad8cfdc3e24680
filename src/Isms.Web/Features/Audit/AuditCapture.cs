using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Isms.Web.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Isms.Web.Features.Audit;

/// One audit entry still to be written: an entity change or an event.
public sealed record AuditEvent(string Action, string? EntityType, string? EntityId, string? Changes);

/// Reads what SaveChanges is about to write, one pending entry per added, modified or deleted
/// entity. Old values must be read before the save; the ids of new rows only exist after it, so
/// each capture is completed afterwards.
public sealed class AuditCapture
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly string[] SecretSuffixes = ["Hash", "Stamp", "Secret", "Token", "Password"];

    private readonly EntityEntry _entry;
    private readonly string _action;
    private readonly JsonObject _changes;
    private readonly string? _keyBeforeSave;

    private AuditCapture(EntityEntry entry, string action, JsonObject changes)
    {
        _entry = entry;
        _action = action;
        _changes = changes;
        _keyBeforeSave = action == AuditActions.Delete ? KeyOf(entry) : null;
    }

    public static List<AuditCapture> Capture(DbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var captures = new List<AuditCapture>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsNotAudited(entry.Metadata.ClrType))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            captures.Add(new AuditCapture(entry, action, ChangesOf(db, entry)));
        }

        return captures;
    }

    /// The audit tables themselves and the data-protection keys (secrets, rotated by the framework).
    public static bool IsNotAudited(Type type) =>
        type == typeof(AuditEntry) || type == typeof(AuditHead) || type == typeof(DataProtectionKey);

    /// The rule for secrets: a column whose name ends in Hash, Stamp, Secret, Token or Password
    /// (password hashes, security and concurrency stamps, token hashes, TOTP secrets), and every
    /// value of an account token row (authenticator keys, recovery codes), is written only as
    /// "redacted" — that it changed, never its value. So is a queued mail's body: it may carry a
    /// single-use link, a credential like a password (the trail keeps its recipient, subject and reason).
    public static bool IsSecret(IProperty property) =>
        SecretSuffixes.Any(s => property.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
        || (property.DeclaringType.ClrType == typeof(Mail.OutgoingMail) && property.Name == nameof(Mail.OutgoingMail.Body))
        || (property.DeclaringType.ClrType.IsGenericType
            && property.DeclaringType.ClrType.GetGenericTypeDefinition() == typeof(IdentityUserToken<>)
            && !property.IsKey());

    public static string NameOf(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        return type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] switch
        {
            "IdentityUserRole" => "AccountRole",
            "IdentityUserClaim" => "AccountClaim",
            "IdentityUserLogin" => "AccountLogin",
            "IdentityUserToken" => "AccountToken",
            "IdentityRole" => "Role",
            "IdentityRoleClaim" => "RoleClaim",
            var name => name,
        };
    }

    /// Called after the save, when generated keys are known.
    public AuditEvent Complete() => new(_action, NameOf(_entry.Metadata.ClrType), _keyBeforeSave ?? KeyOf(_entry), _changes.ToJsonString(Json));

    private static string? KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key
            ? string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)))
            : null;

    private static JsonObject ChangesOf(DbContext db, EntityEntry entry)
    {
        var changes = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            var (old, current) = entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(old, current)))
            {
                continue;
            }

            if (entry.State == EntityState.Added && metadata.IsPrimaryKey() && property.IsTemporary)
            {
                continue;
            }

            if (IsSecret(metadata))
            {
                changes[metadata.Name] = new JsonObject { ["redacted"] = true };
                continue;
            }

            // File contents are kept by their SHA-256 beside them; the trail records only their size.
            if (metadata.ClrType == typeof(byte[]))
            {
                changes[metadata.Name] = new JsonObject { ["bytes"] = ((byte[]?)current ?? (byte[]?)old)?.Length };
                continue;
            }

            var change = new JsonObject();
            if (entry.State != EntityState.Added)
            {
                change["old"] = JsonSerializer.SerializeToNode(old, Json);
            }

            if (entry.State != EntityState.Deleted)
            {
                change["new"] = JsonSerializer.SerializeToNode(current, Json);
            }

            changes[metadata.Name] = change;
        }

        // A role grant names the role, not only its id: that is what an auditor looks for.
        if (entry.Entity is IdentityUserRole<Guid> grant
            && db.Set<IdentityRole<Guid>>().Local.FirstOrDefault(r => r.Id == grant.RoleId) is { } role)
        {
            changes["Role"] = new JsonObject { [entry.State == EntityState.Deleted ? "old" : "new"] = role.Name };
        }

        return changes;
    }
}
