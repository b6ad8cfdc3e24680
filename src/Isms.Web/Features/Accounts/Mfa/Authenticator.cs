using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Isms.Web.Features.Accounts;

public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

/// Enrolling an authenticator app (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits), with Identity's
/// authenticator token provider and its recovery codes. Shared by the page and the API.
public sealed class Authenticator(UserManager<Account> users, SignInManager<Account> signIn)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "ISMS";

    /// The key to enrol with; a key stays the same until MFA is enabled or reset, so a reload of the
    /// enrolment page does not invalidate an app that has already scanned it.
    public async Task<AuthenticatorSetup> SetupAsync(Account account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            // Identity changes the security stamp with a new key; renew this session so it survives.
            await users.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }

        var label = Uri.EscapeDataString($"{Issuer}:{account.UserName}");
        return new AuthenticatorSetup(key, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30");
    }

    /// Turns MFA on when the code matches the key; returns the recovery codes to show once, or null
    /// for a wrong code. The account's other sessions end (the security stamp changes); this one is renewed.
    public async Task<IReadOnlyList<string>?> EnableAsync(Account account, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, SignInFlow.Normalize(code)))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = await NewRecoveryCodesAsync(account);
        await signIn.RefreshSignInAsync(account);
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Account account) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount))?.ToList() ?? [];

    /// "abcd efgh ..." is easier to type from the screen than one long run of letters.
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// A PNG in a data: URI (the CSP allows img-src data:, and nothing inline runs).
    public static string QrCodeDataUri(string authenticatorUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(authenticatorUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
