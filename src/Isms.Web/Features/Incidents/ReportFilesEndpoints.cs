using System.Globalization;
using Isms.Web.Features.Audit;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Isms.Web.Features.Incidents;

/// A report's files over the API: the reporter adds files to their own report, the security
/// officer adds evidence to any; every download is in the audit trail with the file's SHA-256.
public static class ReportFilesEndpoints
{
    private const string Number = "{number:length(14)}";

    public static IEndpointRouteBuilder MapReportFiles(this IEndpointRouteBuilder endpoints)
    {
        // Who may see which file is the need-to-know rule of ReportFiles: everyone else gets 404.
        var files = endpoints.MapGroup("/api/v1/incidents/reports").WithTags("Incidents").RequireAuthorization(Policies.RecordsRead);
        files.MapGet($"/{Number}/files", List);
        files.MapPost($"/{Number}/files", (string number, HttpRequest request, ReportFiles reportFiles, CancellationToken ct) => AddAsync(number, request, reportFiles, evidence: false, ct))
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(FileChecks.MaxRequestBytes));
        files.MapGet($"/{Number}/files/{{id:int}}", Download);

        var evidence = endpoints.MapGroup("/api/v1/incidents/reports").WithTags("Incidents").RequireAuthorization(Policies.IncidentsTriage);
        evidence.MapPost($"/{Number}/evidence", (string number, HttpRequest request, ReportFiles reportFiles, CancellationToken ct) => AddAsync(number, request, reportFiles, evidence: true, ct))
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(FileChecks.MaxRequestBytes));
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportFileResponse>>, NotFound>> List(string number, ReportFiles files, CancellationToken ct) =>
        await files.ListAsync(number, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ReportFileResponse>>, BadRequest<string>>> AddAsync(string number, HttpRequest request, ReportFiles files, bool evidence, CancellationToken ct)
    {
        // Who may add comes first: someone who may not learns nothing from the body's checks.
        await files.EnsureMayAddAsync(number, evidence, ct);
        if (await Uploads.ReadAsync(request, ct) is not { } uploaded)
        {
            return TypedResults.BadRequest("Send the files as multipart/form-data.");
        }

        return TypedResults.Ok(await files.AddAsync(number, uploaded, evidence, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(string number, int id, ReportFiles files, AuditLog audit, CancellationToken ct)
    {
        if (await files.FindAsync(number, id, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(AuditActions.Download, nameof(ReportFile), id.ToString(CultureInfo.InvariantCulture), new { report = number, file.FileName, file.Sha256, file.Evidence });
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
