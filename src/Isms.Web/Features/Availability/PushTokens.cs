using System.Security.Cryptography;
using Isms.Web.Features.Tokens;

namespace Isms.Web.Features.Availability;

/// The secret a heartbeat monitor's service sends with each beat. Only its hash is stored.
public static class PushTokens
{
    public const string Prefix = "isms_beat_";

    /// Where a service sends its beats (GET or POST), with its token in place of {token}.
    public const string PathTemplate = "/api/v1/availability/push/{token}";

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => TokenSecret.HashOf(token);
}
