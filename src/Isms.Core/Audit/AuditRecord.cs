using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
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
        WriteField(output, Sequence.ToString(CultureInfo.InvariantCulture));
        WriteField(output, At.UtcTicks.ToString(CultureInfo.InvariantCulture));
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

    private static void WriteField(IBufferWriter<byte> output, string? value)
    {
        var length = value is null ? -1 : Encoding.UTF8.GetByteCount(value);
        var span = output.GetSpan(4 + Math.Max(length, 0));
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        if (value is not null)
        {
            Encoding.UTF8.GetBytes(value, span[4..]);
        }

        output.Advance(4 + Math.Max(length, 0));
    }
}
