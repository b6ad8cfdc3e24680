using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;

namespace Isms.Web.Features.Incidents.Sanctions;

/// The list's filters and page; the page and the API share it. Newest decisions first.
public sealed record SanctionQuery : IValidatableObject
{
    public const int MaxPageSize = 200;

    public int? PersonId { get; init; }

    /// Reward or Punishment, by name in any letter case.
    [MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Kind { get; init; }

    /// The year of the decision.
    [Range(2000, 2100, ErrorMessage = "Give a year from 2000 to 2100.")]
    public int? Year { get; init; }

    [Range(1, int.MaxValue)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 25;

    public SanctionKind? KindValue => QueryValues.ParseEnum<SanctionKind>(Kind);

    /// Narrows the records the caller may see; never widens them.
    public IQueryable<Sanction> Filter(IQueryable<Sanction> visible)
    {
        var sanctions = visible;
        if (PersonId is { } personId)
        {
            sanctions = sanctions.Where(s => s.PersonId == personId);
        }

        if (KindValue is { } kind)
        {
            sanctions = sanctions.Where(s => s.Kind == kind);
        }

        if (Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            sanctions = sanctions.Where(s => s.DecidedOn >= from && s.DecidedOn < to);
        }

        return sanctions.OrderByDescending(s => s.DecidedOn).ThenByDescending(s => s.Id);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Kind) && KindValue is null)
        {
            yield return new ValidationResult(validationContext.Localize("Choose reward or punishment."), [nameof(Kind)]);
        }
    }
}
