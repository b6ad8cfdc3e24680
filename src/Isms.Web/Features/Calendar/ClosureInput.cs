using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Calendar;

/// A closure to declare: one date, the whole day or from a time, for one or more locations.
public sealed record ClosureInput
{
    [Display(Name = "Date"), Required(ErrorMessage = "Enter the date of the closure.")]
    public DateOnly? Date { get; init; }

    /// Empty for the whole day; otherwise the local time the offices close.
    [Display(Name = "Closed from")]
    public TimeOnly? From { get; init; }

    [Display(Name = "Locations")]
    public List<string> Locations { get; init; } = [];

    [Display(Name = "Reason"), Required(ErrorMessage = "Give the reason (e.g. the typhoon's name)."), MaxLength(200, ErrorMessage = Messages.TooLong)]
    public string Reason { get; init; } = "";
}

public sealed record ClosureResponse(Guid DeclarationId, DateOnly Date, TimeOnly? From, IReadOnlyList<string> Locations, string Reason, DateTimeOffset DeclaredAt);
