namespace Isms.Web.Features.ServiceDesk;

public enum QaFormStatus
{
    Received,
    Assigned,
    InProgress,
    WaitingForRequester,
    Finished,
    Cancelled,
}

/// How a form's clock runs (DESIGN.md §2): whole working days (the policy's rule), or working
/// hours of working days, chosen per form category.
public enum QaClockRule
{
    WorkingDays,
    WorkingHours,
}

/// How the form reached the desk.
public enum QaChannel
{
    Web,
    Paper,
    Email,
    Phone,
    Api,
}
