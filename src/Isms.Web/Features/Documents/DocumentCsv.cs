using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Isms.Web.Features.Documents;

public static class DocumentCsv
{
    private static readonly string[] Columns =
        ["Reference", "Title", "Kind", "Edition", "EffectiveOn", "NextReviewOn", "Withdrawn", "OwnerUnit", "Classification", "Audience"];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DocumentResponse> documents, CancellationToken cancellationToken)
    {
        // A byte-order mark, so that spreadsheet programs read Chinese titles as UTF-8.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var d in documents.WithCancellation(cancellationToken))
        {
            csv.WriteField(d.Reference);
            csv.WriteField(d.Title);
            csv.WriteField(d.Kind.ToString());
            csv.WriteField(d.Edition);
            csv.WriteField(d.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(d.NextReviewOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(d.IsWithdrawn ? "yes" : "no");
            csv.WriteField(d.OwnerUnitCode);
            csv.WriteField(d.ClassificationName);
            csv.WriteField(d.Audience.ToString());
            await csv.NextRecordAsync();
        }
    }
}
