using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Isms.Core.Audit;

/// <summary>
/// What one audit entry says, in the fixed form its hash covers (policy IV.C.2.b; issue 3). The
/// sequence number is part of the content, so an entry cannot be moved without breaking its hash.
/// <see cref="ActorAccount"/> is the name the actor signed in with, <see cref="ActorAccountId"/> the
/// account's stable id (null for the system itself).
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string? ActorAccount,
    string? ActorPerson,
    string Action,
    string? EntityType,
    string? EntityId,
    string? Changes,
    string? ClientIp,
    string? RequestId,
    string? ActorAccountId = null)
{
    /// <summary>
    /// Writes the canonical content: every field in a fixed order, each as a 4-byte big-endian
    /// length (−1 for null) and its UTF-8 bytes; the instant as UTC ticks. Two records have the same
    /// bytes exactly when their fields are equal, whatever the fields contain.
    /// </summary>
    public void WriteCanonical(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteNumber(output, Sequence);
        WriteNumber(output, At.UtcTicks);
        WriteField(output, ActorAccount);
        WriteField(output, ActorPerson);
        WriteField(output, Action);
        WriteField(output, EntityType);
        WriteField(output, EntityId);
        WriteField(output, Changes);
        WriteField(output, ClientIp);
        WriteField(output, RequestId);
        WriteField(output, ActorAccountId);
    }

    // Verifying a million entries spends most of its time here: one pass over each string, and
    // numbers formatted straight into UTF-8 (the same bytes as their invariant decimal text).
    private static void WriteField(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), -1);
            output.Advance(4);
            return;
        }

        var span = output.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        output.Advance(4 + length);
    }

    private static void WriteNumber(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(4 + 20);
        if (!Utf8Formatter.TryFormat(value, span[4..], out var length))
        {
            throw new InvalidOperationException("A 64-bit number has at most 20 characters.");
        }

        BinaryPrimitives.WriteInt32BigEndian(span, length);
        output.Advance(4 + length);
    }
}
