using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Isms.Core.Calendars;

namespace Isms.Web.Features.Audit;

/// The trail as CSV: UTF-8 with a byte-order mark, so spreadsheets read Chinese names.
public static class AuditCsv
{
    public static readonly string[] Columns =
    [
        "sequence", "at_utc", "at_taipei", "actor", "actor_account_id", "actor_person_id", "action", "entity_type", "entity_id",
        "changes", "client_ip", "request_id", "hash",
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEntryResponse> entries, AgencyTime agency, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            csv.WriteField(e.Sequence);
            csv.WriteField(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(agency.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(e.ActorName);
            csv.WriteField(e.ActorAccountId?.ToString("D"));
            csv.WriteField(e.ActorPersonId);
            csv.WriteField(e.Action);
            csv.WriteField(e.EntityType);
            csv.WriteField(e.EntityId);
            csv.WriteField(e.Changes);
            csv.WriteField(e.ClientIp);
            csv.WriteField(e.RequestId);
            csv.WriteField(e.Hash);
            await csv.NextRecordAsync();
        }
    }
}
