using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Isms.Web.Tests.Infrastructure;

/// What an authenticator app computes (RFC 6238 over RFC 4226): HMAC-SHA1 of the 30-second step
/// count, dynamically truncated to 6 digits. Written here so the tests do not trust the app's own code.
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // SHA-1 is what RFC 6238 and every authenticator app use; HMAC-SHA1 is not weakened by SHA-1 collisions.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// The code of the next 30-second step. The app accepts a code once only, and one step of drift
    /// each way, so after the current code was used (at enrolment, say) the next one signs in.
    public static string NextCode(string base32Key) => Code(base32Key, TimeProvider.System.GetUtcNow().AddSeconds(30));

    /// RFC 4648 base32, ignoring spaces, padding and case (keys are shown as "abcd efgh ...").
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=' or '-')))
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            Assert.True(value >= 0, $"'{c}' is not a base32 character");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
