namespace Isms.Web.Features.ServiceDesk;

/// Where a form stands against its due time. Kind: Finished, Cancelled, Paused, NoCalendar,
/// Overdue (Hours past due), DueIn (WorkingDays left under the days rule, OfficeHours left always).
public sealed record QaRemaining(string Kind, int? WorkingDays, double? OfficeHours, double? OverdueHours, bool AtRisk);

public sealed record QaFormResponse(
    int Id,
    string Number,
    QaFormStatus Status,
    int RequesterId,
    string RequesterName,
    int UnitId,
    string UnitName,
    string Module,
    int CategoryId,
    string CategoryName,
    string Subject,
    string Description,
    QaChannel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    bool? OnTime,
    int? MissingCalendarYear,
    QaClockRule Rule,
    int TargetDays,
    bool PauseWhileWaiting,
    int? AssigneeId,
    string? AssigneeName,
    string? Resolution,
    string? CancelReason,
    int ReopenCount,
    int Classification,
    int Version)
{
    public QaRemaining? Remaining { get; init; }

    public string? ClockLocation { get; init; }
}

public sealed record QaCommentResponse(int Id, string AuthorName, string Body, bool Internal, DateTimeOffset CreatedAt);

public sealed record QaAttachmentResponse(int Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

public sealed record QaPauseResponse(DateTimeOffset Start, DateTimeOffset End);

public sealed record QaFormDetails(QaFormResponse Form, IReadOnlyList<QaCommentResponse> Comments, IReadOnlyList<QaAttachmentResponse> Attachments, IReadOnlyList<QaPauseResponse> Pauses);
