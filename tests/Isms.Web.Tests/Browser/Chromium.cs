using Isms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Isms.Web.Tests.Browser;

/// Debian's Chromium driven by Playwright, launched once per test class. Playwright never downloads
/// a browser here: it uses the executable ./scripts/test installs (ISMS_TEST_CHROMIUM).
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("ISMS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}. Run ./scripts/test, which installs Debian's chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // As root Chromium needs --no-sandbox; the others keep it off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// Saves a full-page picture when ISMS_TEST_SCREENSHOTS names a folder, to look at what a person sees.
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ISMS_TEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// A fresh browser profile (no cookies) speaking the given language, as a phone or a desktop.
    /// Waits allow a minute: the CI machine runs the whole suite on two cores.
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string locale, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// Signs in through the form with the test password and waits for the page that follows. Not
    /// for a load state: the sign-in page already has one, so the next GotoAsync would race the
    /// sign-in's own redirect.
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        Assert.Contains("/Accounts/SignIn", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", IsmsApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.Equals("/Accounts/SignIn", StringComparison.OrdinalIgnoreCase));
    }
}
