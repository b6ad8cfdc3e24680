using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// Issue 3: a security officer, for whom MFA is mandatory, is held at enrolment after signing in,
/// enrols an authenticator app from the key on the page, signs out, and signs in with a code, in
/// headless Chromium. The code is computed here as the phone would (RFC 6238).
public sealed class MfaInBrowserTests(MandatoryMfaApp app, Chromium chromium) : IClassFixture<MandatoryMfaApp>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-TW")]
    public async Task EnrolTotp_ThenSignInWithACode(string locale)
    {
        var userName = "officer-mfa-" + locale;
        await app.CreateUserAsync(userName, Roles.SecurityOfficer);
        await using var context = await chromium.NewContextAsync(app.BaseAddress, locale);
        var page = await context.NewPageAsync();

        await Chromium.SignInAsync(page, userName);
        Assert.EndsWith("/Accounts/Mfa/Enrol", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/People");
        Assert.EndsWith("/Accounts/Mfa/Enrol", page.Url, StringComparison.Ordinal);

        // The QR code is a data: image; it must load under the Content-Security-Policy.
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('img.qr').naturalWidth > 100"), "The QR code did not load");
        var key = await page.Locator("#manual-key").InnerTextAsync();
        await Chromium.ScreenshotAsync(page, $"mfa-enrol-{locale}");
        await page.FillAsync("#Input_Code", Totp.Code(key));
        await page.Locator("main button[type=submit]").ClickAsync();
        // Wait for what the next page shows, not for a load state the current page already has.
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);

        await page.GotoAsync("/People");
        Assert.EndsWith("/People", page.Url, StringComparison.Ordinal);
        await page.Locator("header form[action='/Accounts/SignOut'] button").ClickAsync();
        await page.WaitForURLAsync("**/Accounts/SignIn");

        await Chromium.SignInAsync(page, userName);
        Assert.Contains("/Accounts/SignInCode", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#Input_Code", Totp.NextCode(key));
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Accounts/SignIn", StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/People");
        Assert.EndsWith("/People", page.Url, StringComparison.Ordinal);
    }
}
