using Isms.Core;
using Isms.Core.Access;

namespace Isms.Web.Features.ServiceDesk;

/// A Q&A form (Document No. 0154029) about the Cargo Clearance Automation System. The clock's
/// rule, target and location are copied from the settings in force when the form was received, so
/// a later change of the settings never moves an earlier form's due time.
public sealed class QaForm : IScopedRecord
{
    public int Id { get; private set; }

    /// QA-2026-000123: the year of receipt and a number counted per year.
    public required string Number { get; set; }

    /// The calendar year of receipt (Asia/Taipei): the year the form counts in.
    public int Year { get; set; }

    public int Month { get; set; }

    public int Sequence { get; set; }

    public int RequesterId { get; set; }

    /// The requester's unit: the unit that owns the record for need-to-know.
    public int OwnerUnitId { get; set; }

    public string Module { get; set; } = "";

    public int CategoryId { get; set; }

    public required string Subject { get; set; }

    public required string Description { get; set; }

    public QaChannel Channel { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// The unit that handles the form (the desk's unit at receipt); its location picks the calendar.
    public int? HandlingUnitId { get; set; }

    public string? ClockLocation { get; set; }

    public QaClockRule Rule { get; set; }

    public int TargetDays { get; set; }

    public TimeOnly DayStart { get; set; }

    public TimeOnly DayEnd { get; set; }

    /// Whether time spent waiting for the requester stops the clock (off by default: the policy
    /// counts from receipt).
    public bool PauseWhileWaiting { get; set; }

    /// Null while a calendar year the clock needs is missing (MissingCalendarYear says which).
    public DateTimeOffset? DueAt { get; set; }

    public int? MissingCalendarYear { get; set; }

    public QaFormStatus Status { get; set; }

    public int? AssigneeId { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    /// Set while the clock is stopped because the form waits for the requester.
    public DateTimeOffset? PausedSince { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool? OnTime { get; set; }

    public string? Resolution { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancelReason { get; set; }

    public int ReopenCount { get; set; }

    /// When the assignee was told the form is at risk; each form is announced once.
    public DateTimeOffset? AtRiskNotifiedAt { get; set; }

    public int Classification { get; set; }

    public RecordAudience Audience { get; set; }

    /// The requester's account, so the requester reads their own form (RecordAccess).
    public Guid? CreatedById { get; set; }

    public int? VendorId { get; set; }

    /// Who typed the form in (the requester, or a desk agent for a paper or e-mail form).
    public Guid? RecordedById { get; set; }

    public string SearchText { get; private set; } = "";

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status is not (QaFormStatus.Finished or QaFormStatus.Cancelled);

    public void RefreshSearchText() => SearchText = string.Join('\n', Number, Subject, Module).ToLowerInvariant();

    public void AssignTo(int personId, DateTimeOffset now)
    {
        Require(IsOpen, "qa.closed", "A finished or cancelled form cannot be assigned; reopen it first.");
        AssigneeId = personId;
        AssignedAt = now;
        if (Status == QaFormStatus.Received)
        {
            Status = QaFormStatus.Assigned;
        }
    }

    public void Start()
    {
        Require(Status is QaFormStatus.Assigned or QaFormStatus.Received, "qa.cannot-start", "Only a received or assigned form can be started.");
        Require(AssigneeId is not null, "qa.unassigned", "Assign the form before starting it.");
        Status = QaFormStatus.InProgress;
    }

    public void WaitForRequester(DateTimeOffset now)
    {
        Require(Status is QaFormStatus.Assigned or QaFormStatus.InProgress, "qa.cannot-wait", "Only a form being handled can wait for the requester.");
        Status = QaFormStatus.WaitingForRequester;
        PausedSince = PauseWhileWaiting ? now : null;
    }

    /// Ends the wait; returns the pause to keep when the clock was stopped.
    public (DateTimeOffset Start, DateTimeOffset End)? Resume(DateTimeOffset now)
    {
        Require(Status == QaFormStatus.WaitingForRequester, "qa.not-waiting", "The form is not waiting for the requester.");
        Status = QaFormStatus.InProgress;
        var pause = PausedSince is { } since && now > since ? (since, now) : ((DateTimeOffset, DateTimeOffset)?)null;
        PausedSince = null;
        return pause;
    }

    public (DateTimeOffset Start, DateTimeOffset End)? Finish(string resolution, DateTimeOffset now)
    {
        Require(IsOpen, "qa.closed", "The form is already finished or cancelled.");
        var pause = Status == QaFormStatus.WaitingForRequester ? Resume(now) : null;
        Status = QaFormStatus.Finished;
        FinishedAt = now;
        Resolution = resolution;
        return pause;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        Require(IsOpen, "qa.closed", "The form is already finished or cancelled.");
        Status = QaFormStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason;
        PausedSince = null;
    }

    /// A reopened form keeps its original due time: the requester's clock does not start again.
    public void Reopen(DateTimeOffset now, int reopenDays)
    {
        Require(Status == QaFormStatus.Finished, "qa.not-finished", "Only a finished form can be reopened.");
        Require(FinishedAt is { } finished && now - finished <= TimeSpan.FromDays(reopenDays), "qa.reopen-too-late", "This form was finished too long ago to be reopened.");
        Status = QaFormStatus.InProgress;
        FinishedAt = null;
        OnTime = null;
        Resolution = null;
        ReopenCount++;
    }

    private static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new RuleViolationException(code, message, isConflict: true);
        }
    }
}
