using Microsoft.Playwright;

namespace Isms.Web.Platform.Pdf;

/// Prints a self-contained HTML document to PDF in headless Chromium (Debian's, never a
/// downloaded one). The browser starts on the first print and stays for the next ones; a page
/// may load nothing from anywhere, and runs no script.
public sealed partial class PdfPrinter(IConfiguration configuration, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);

    // Each print holds a tab with its own memory: a few at once is plenty for reports.
    private readonly SemaphoreSlim _prints = new(2, 2);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ExecutablePath => configuration["Isms:Pdf:Chromium"] is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        await _prints.WaitAsync(cancellationToken);
        try
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
            await context.RouteAsync("**/*", route => route.AbortAsync());
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
            });
        }
        finally
        {
            _prints.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _start.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new PdfUnavailableException($"No Chromium at {ExecutablePath}: install Debian's chromium or set Isms:Pdf:Chromium.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // As root Chromium needs --no-sandbox; the rest keep it off the network and quiet.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            LogStarted(logger, ExecutablePath);
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium started for PDF printing from {Path}")]
    private static partial void LogStarted(ILogger logger, string path);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _start.Dispose();
        _prints.Dispose();
    }
}

/// No browser to print with: the server answers 503 rather than a broken file.
public sealed class PdfUnavailableException(string message) : Exception(message);
