using Isms.Web.Features.Audit;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Isms.Web.Features.ServiceDesk;

public static class ServiceDeskEndpoints
{
    /// A form number: QA-yyyy-nnnnnn.
    public const string Number = "{number:length(14)}";

    public static IEndpointRouteBuilder MapServiceDesk(this IEndpointRouteBuilder endpoints)
    {
        var forms = endpoints.MapGroup("/api/v1/qa-forms").WithTags("Service desk").RequireAuthorization(Policies.RecordsRead);
        forms.MapGet("/", List);
        forms.MapPost("/", Submit);
        forms.MapGet($"/{Number}", Get);
        forms.MapGet($"/{Number}/comments", Comments);
        forms.MapPost($"/{Number}/comments", Comment);
        forms.MapGet($"/{Number}/attachments", Attachments);
        forms.MapPost($"/{Number}/attachments", Attach).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(QaAttachments.MaxFiles * (QaAttachments.DefaultMaxBytes + 4096)));
        forms.MapGet($"/{Number}/attachments/{{id:int}}", Download);
        forms.MapPost($"/{Number}/reopen", Reopen);

        var desk = endpoints.MapGroup("/api/v1/qa-forms").WithTags("Service desk").RequireAuthorization(Policies.ServiceDeskHandle);
        desk.MapGet("/assignees", Assignees);
        desk.MapPost($"/{Number}/assign", Assign);
        desk.MapPost($"/{Number}/start", (string number, QaFormHandling handling, QaFormReads reads, CancellationToken ct) => Act(number, reads, () => handling.StartAsync(number, ct), ct));
        desk.MapPost($"/{Number}/wait", (string number, QaFormHandling handling, QaFormReads reads, CancellationToken ct) => Act(number, reads, () => handling.WaitAsync(number, ct), ct));
        desk.MapPost($"/{Number}/resume", (string number, QaFormHandling handling, QaFormReads reads, CancellationToken ct) => Act(number, reads, () => handling.ResumeAsync(number, ct), ct));
        desk.MapPost($"/{Number}/finish", (string number, QaNoteInput input, QaFormHandling handling, QaFormReads reads, CancellationToken ct) => Act(number, reads, () => handling.FinishAsync(number, input.Text, ct), ct));
        desk.MapPost($"/{Number}/cancel", (string number, QaNoteInput input, QaFormHandling handling, QaFormReads reads, CancellationToken ct) => Act(number, reads, () => handling.CancelAsync(number, input.Text, ct), ct));

        var report = endpoints.MapGroup("/api/v1/service-desk").WithTags("Service desk").RequireAuthorization(Policies.ServiceDeskReport);
        report.MapGet("/achievement", Achievement);
        report.MapGet("/settings", async (ServiceDeskSettings settings, CancellationToken ct) => TypedResults.Ok(ServiceDeskSettingsResponse.Of(await settings.CurrentAsync(ct))));
        report.MapGet("/settings/history", async (ServiceDeskSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.HistoryAsync(ct)));

        var settingsGroup = endpoints.MapGroup("/api/v1/service-desk").WithTags("Service desk").RequireAuthorization(Policies.ServiceDeskSettings);
        settingsGroup.MapPut("/settings", async (ServiceDeskSettingsInput input, ServiceDeskSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ChangeAsync(input, ct)));
        settingsGroup.MapPost("/categories", async (QaCategoryInput input, QaCategories categories, CancellationToken ct) =>
        {
            var created = await categories.SaveAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/service-desk/categories/{created.Id}", created);
        });
        settingsGroup.MapPut("/categories/{id:int}", async (int id, QaCategoryInput input, QaCategories categories, CancellationToken ct) => TypedResults.Ok(await categories.SaveAsync(id, input, ct)));

        var choices = endpoints.MapGroup("/api/v1/service-desk").WithTags("Service desk").RequireAuthorization(Policies.RecordsRead);
        choices.MapGet("/categories", async (QaCategories categories, CancellationToken ct) => TypedResults.Ok(await categories.ListAsync(includeInactive: true, ct)));
        choices.MapGet("/modules", (QaModules modules) => TypedResults.Ok(modules.All));
        return endpoints;
    }

    private static async Task<Ok<Page<QaFormResponse>>> List([AsParameters] QaFormQuery query, QaFormReads reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.SearchAsync(query, ct));

    private static async Task<Created<QaFormResponse>> Submit(QaFormInput input, QaFormWrites writes, QaFormReads reads, CancellationToken ct)
    {
        var form = await writes.SubmitAsync(input, [], QaChannel.Api, ct);
        // The requester may not be the caller (a paper form): the desk reads it back; anyone else reads their own.
        var created = await reads.FindAsync(form.Number, ct);
        return TypedResults.Created($"/api/v1/qa-forms/{form.Number}", created!);
    }

    private static async Task<Results<Ok<QaFormResponse>, NotFound>> Get(string number, QaFormReads reads, CancellationToken ct) =>
        await reads.FindAsync(number, ct) is { } form ? TypedResults.Ok(form) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<QaCommentResponse>>, NotFound>> Comments(string number, QaFormReads reads, CancellationToken ct) =>
        await reads.DetailsAsync(number, ct) is { } details ? TypedResults.Ok(details.Comments) : TypedResults.NotFound();

    private static async Task<Created<QaCommentResponse>> Comment(string number, QaNoteInput input, QaFormHandling handling, CancellationToken ct)
    {
        var comment = await handling.CommentAsync(number, input, ct);
        return TypedResults.Created($"/api/v1/qa-forms/{number}/comments", new QaCommentResponse(comment.Id, comment.AuthorName, comment.Body, comment.Internal, comment.CreatedAt));
    }

    private static async Task<Results<Ok<IReadOnlyList<QaAttachmentResponse>>, NotFound>> Attachments(string number, QaFormReads reads, CancellationToken ct) =>
        await reads.DetailsAsync(number, ct) is { } details ? TypedResults.Ok(details.Attachments) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<QaAttachmentResponse>>, BadRequest<string>>> Attach(string number, HttpRequest request, QaFormHandling handling, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest("Send the files as multipart/form-data.");
        }

        var files = await Uploads.ReadAsync((await request.ReadFormAsync(ct)).Files, ct);
        var added = await handling.AttachAsync(number, files, ct);
        return TypedResults.Ok(added.Select(a => new QaAttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(string number, int id, QaFormReads reads, AuditLog audit, CancellationToken ct)
    {
        if (await reads.AttachmentAsync(number, id, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(AuditActions.Download, nameof(QaAttachment), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { form = number, file.FileName, file.Sha256 });
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static Task<Ok<QaFormResponse>> Reopen(string number, QaNoteInput input, QaFormHandling handling, QaFormReads reads, CancellationToken ct) =>
        Act(number, reads, () => handling.ReopenAsync(number, input.Text, ct), ct);

    private static async Task<Ok<IReadOnlyList<QaAssignee>>> Assignees(Data.IsmsDbContext db, Platform.Time.Today today, CancellationToken ct) =>
        TypedResults.Ok(await QaAssignees.ListAsync(db, today.Date, ct));

    private static Task<Ok<QaFormResponse>> Assign(string number, QaAssignInput input, QaFormHandling handling, QaFormReads reads, CancellationToken ct) =>
        Act(number, reads, () => handling.AssignAsync(number, input.AssigneeId, ct), ct);

    private static async Task<Ok<QaFormResponse>> Act(string number, QaFormReads reads, Func<Task<QaForm>> action, CancellationToken ct)
    {
        await action();
        return TypedResults.Ok((await reads.FindAsync(number, ct))!);
    }

    private static async Task<Ok<QaAchievementReport>> Achievement([AsParameters] QaAchievementQuery query, QaAchievement achievement, Platform.Time.Today today, CancellationToken ct) =>
        TypedResults.Ok(await achievement.ForYearAsync(query.Year ?? today.Date.Year, ct));
}

public sealed record QaAchievementQuery
{
    [System.ComponentModel.DataAnnotations.Range(2000, 2100, ErrorMessage = "Give a year from 2000 to 2100.")]
    public int? Year { get; init; }
}
