using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

/// Checks authenticator codes as Identity's own provider does (RFC 6238: HMAC-SHA1 of the 30-second
/// step, 6 digits, the key Identity stores), with the rule of RFC 6238 §5.2 that Identity lacks: a
/// code is accepted once. The last accepted step is kept as one of the account's authentication
/// tokens, so no column is needed. One step of clock drift is allowed each way.
public sealed class OneUseAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<Account>
{
    private const string TokenProvider = "isms";
    private const string LastStep = "authenticator-last-step";

    // The phone computes the codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<Account> manager, Account user) => Task.FromResult("");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Account> manager, Account user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Account> manager, Account user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || Base32(key) is not { Length: > 0 } secret)
        {
            return false;
        }

        _ = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var last);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > last && Code(secret, step) == code)
            {
                // Two requests racing with the same code: the store's concurrency check lets one win.
                return (await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStep, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
            }
        }

        return false;
    }

    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // RFC 6238 and every authenticator app use SHA-1; HMAC-SHA1 does not suffer from SHA-1 collisions.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        return (((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3]) % 1_000_000;
    }

    private static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return c is '=' or ' ' ? [.. bytes] : null;
            }

            buffer = ((buffer << 5) | value) & 0xffff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        return [.. bytes];
    }
}
