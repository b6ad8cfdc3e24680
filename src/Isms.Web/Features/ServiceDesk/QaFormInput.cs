using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.ServiceDesk;

/// A new Q&A form. Requester, time of receipt and channel are the desk's to set (a form that came
/// on paper or by e-mail); anyone else files for themselves, received now, through the web.
public sealed record QaFormInput
{
    [Display(Name = "Requester")]
    public int? RequesterId { get; init; }

    [Display(Name = "System / module"), Required(ErrorMessage = "Choose the system or module."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string Module { get; init; } = "";

    [Display(Name = "Category"), Range(1, int.MaxValue, ErrorMessage = "Choose a category.")]
    public int CategoryId { get; init; }

    [Display(Name = "Subject"), Required(ErrorMessage = "Enter the subject."), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string Subject { get; init; } = "";

    [Display(Name = "Description"), Required(ErrorMessage = "Describe the question or problem."), MaxLength(8000, ErrorMessage = Messages.TooLong)]
    public string Description { get; init; } = "";

    /// When the form reached the desk; empty means now. Never in the future.
    [Display(Name = "Received at")]
    public DateTimeOffset? ReceivedAt { get; init; }

    [Display(Name = "Received by")]
    public QaChannel? Channel { get; init; }
}

public sealed record QaAssignInput([property: Range(1, int.MaxValue, ErrorMessage = "Choose a person of the handling unit.")] int AssigneeId);

public sealed record QaNoteInput
{
    [Display(Name = "Text"), Required(ErrorMessage = "Enter the text."), MaxLength(4000, ErrorMessage = Messages.TooLong)]
    public string Text { get; init; } = "";

    /// For comments: seen by the desk only.
    [Display(Name = "Internal (desk only)")]
    public bool Internal { get; init; }
}
