using System.Buffers;
using System.Text.Json;
using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

/// A change of many rows of one table at once (every open form's due time after a closure), written
/// set-based but audited exactly as SaveChanges audits a tracked update: one "update" entry per row
/// with the fields that changed, in the same transaction. Through the change tracker the same work
/// costs several times as long, which a closure over a hundred thousand open forms cannot afford.
public sealed class AuditedUpdates(AuditTrail trail)
{
    /// Sets <paramref name="properties"/> of each row from its old to its new values. A row that
    /// no longer holds its old values (someone changed it meanwhile) fails the whole change with a
    /// concurrency error, and nothing is written.
    public async Task ApplyAsync<TEntity>(IsmsDbContext db, string key, IReadOnlyList<string> properties, IReadOnlyList<RowChange> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var gate = db.Database.CurrentTransaction is null && db.OnSqlite
            ? await WriterTurns.EnterAsync(db.Database.GetConnectionString()!, cancellationToken) : null;
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var head = await trail.LockHeadAsync(db, cancellationToken);
        var entityType = db.Model.FindEntityType(typeof(TEntity))!;
        var secret = properties.Select(p => AuditCapture.IsSecret(entityType.FindProperty(p)!)).ToArray();
        // The entries are worked out on the other core while the database applies the rows.
        var linking = Task.Run(() => trail.Link(head, Events(AuditCapture.NameOf(typeof(TEntity)), properties, secret, rows)), cancellationToken);
        var matched = await SetRows.UpdateAsync<TEntity>(db, key, properties, rows, cancellationToken);
        var entries = await linking;
        if (matched != rows.Count)
        {
            throw new DbUpdateConcurrencyException($"{rows.Count - matched} of {rows.Count} {typeof(TEntity).Name} rows changed meanwhile.");
        }

        await AuditTrail.WriteAsync(db, head, entries, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    // The same JSON as AuditCapture writes for a tracked update, without building a node tree per row.
    private static List<AuditEvent> Events(string entityType, IReadOnlyList<string> properties, bool[] secret, IReadOnlyList<RowChange> rows)
    {
        var events = new List<AuditEvent>(rows.Count);
        var buffer = new ArrayBufferWriter<byte>(512);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = AuditCapture.Json.Encoder });
        foreach (var row in rows)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            for (var i = 0; i < properties.Count; i++)
            {
                if (Equals(row.Old[i], row.New[i]))
                {
                    continue;
                }

                json.WritePropertyName(properties[i]);
                json.WriteStartObject();
                if (secret[i])
                {
                    json.WriteBoolean("redacted", true);
                }
                else
                {
                    json.WritePropertyName("old");
                    JsonSerializer.Serialize(json, row.Old[i], AuditCapture.Json);
                    json.WritePropertyName("new");
                    JsonSerializer.Serialize(json, row.New[i], AuditCapture.Json);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.Flush();
            events.Add(new AuditEvent(AuditActions.Update, entityType,
                Convert.ToString(row.Key, System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)));
        }

        return events;
    }
}
