using System.Security.Cryptography;
using System.Text;

namespace Isms.Web.Features.Tokens;

/// The text of a token: "isms_" and 32 random bytes in base64url. A fixed prefix lets secret
/// scanners recognise a leaked token.
public static class TokenSecret
{
    public const string Prefix = "isms_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeToken(string text) => text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length is > 20 and < 100;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
