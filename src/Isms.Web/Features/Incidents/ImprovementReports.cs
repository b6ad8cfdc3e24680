using System.Globalization;
using Isms.Web.Features.Audit;
using Isms.Web.Platform.Pdf;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Isms.Web.Features.Incidents;

/// The improvement report of an incident as one HTML document, in English or Traditional Chinese,
/// and the same document printed to PDF.
public sealed class ImprovementReports(IncidentHandling handling, IServiceProvider services, ILoggerFactory loggers, PdfPrinter printer, AuditLog audit, TimeProvider clock, IWebHostEnvironment environment)
{
    /// The document in the given language (the reader's when null); null when the incident is out of reach.
    public async Task<string?> HtmlAsync(string number, CultureInfo? culture, CancellationToken cancellationToken, bool forPrint = false)
    {
        var language = culture ?? CultureInfo.CurrentUICulture;
        var (previousCulture, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // Reasons and labels come out in the document's language.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
            if (await handling.DetailsAsync(number, cancellationToken) is not { } details)
            {
                return null;
            }

            var styles = forPrint ? await StylesAsync(cancellationToken) : null;
            await using var renderer = new HtmlRenderer(services, loggers);
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(ImprovementReportDocument.Details)] = details,
                    [nameof(ImprovementReportDocument.Reasons)] = details.LevelReasons,
                    [nameof(ImprovementReportDocument.PrintedAt)] = clock.GetUtcNow(),
                    [nameof(ImprovementReportDocument.Styles)] = styles,
                });
                var output = await renderer.RenderComponentAsync<ImprovementReportDocument>(parameters);
                return output.ToHtmlString();
            });
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previousCulture, previousUi);
        }
    }

    private async Task<string> StylesAsync(CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("css/improvement-report.css");
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// en or zh-TW as asked; null (the reader's language) for anything else.
    public static CultureInfo? Language(string? lang) =>
        Platform.Localization.LocalizationSetup.Supported.FirstOrDefault(c => string.Equals(c.Name, lang, StringComparison.OrdinalIgnoreCase));

    /// The document printed to PDF, its export written in the audit trail; null when out of reach.
    public async Task<byte[]?> PdfAsync(string number, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await HtmlAsync(number, culture, cancellationToken, forPrint: true) is not { } html)
        {
            return null;
        }

        var pdf = await printer.PrintAsync(html, cancellationToken);
        await audit.RecordAsync(AuditActions.Export, nameof(SecurityReport), number, new { document = "improvement-report", language = culture.Name, bytes = pdf.Length });
        return pdf;
    }
}
