using System.ComponentModel.DataAnnotations;
using Isms.Web.Data;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// The queue's search, filters, sort and page; the page and the API share it.
public sealed record QaFormQuery : IValidatableObject
{
    public const int MaxPageSize = 200;

    [MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? Q { get; init; }

    /// A status by name, or "open" for every status but finished and cancelled (the default).
    [MaxLength(30, ErrorMessage = Messages.TooLong)]
    public string? Status { get; init; }

    public int? AssigneeId { get; init; }

    public int? CategoryId { get; init; }

    /// The requester's unit and every unit nested in it.
    public int? UnitId { get; init; }

    public int? Year { get; init; }

    /// Only open forms due within the at-risk office hours (and not yet overdue).
    public bool? AtRisk { get; init; }

    /// due (default), received, number; a leading '-' sorts descending.
    [MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Sort { get; init; }

    [Range(1, int.MaxValue)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 25;

    public bool OpenOnly => string.IsNullOrWhiteSpace(Status) || Status.Equals("open", StringComparison.OrdinalIgnoreCase);

    public bool AllStatuses => Status?.Equals("all", StringComparison.OrdinalIgnoreCase) == true;

    public QaFormStatus? StatusValue => QueryValues.ParseEnum<QaFormStatus>(Status);

    public async Task<IQueryable<QaForm>> FilterAsync(IsmsDbContext db, IQueryable<QaForm> visible, CancellationToken cancellationToken)
    {
        var forms = visible.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
            forms = forms.Where(f => f.SearchText.Contains(term));
        }

        if (AtRisk == true || OpenOnly)
        {
            forms = forms.Open();
        }
        else if (StatusValue is { } status)
        {
            forms = forms.Where(f => f.Status == status);
        }

        if (AssigneeId is { } assignee)
        {
            forms = forms.Where(f => f.AssigneeId == assignee);
        }

        if (CategoryId is { } category)
        {
            forms = forms.Where(f => f.CategoryId == category);
        }

        if (Year is { } year)
        {
            forms = forms.Where(f => f.Year == year);
        }

        if (UnitId is { } unitId)
        {
            var units = (await Organisation.UnitTrees.LoadAsync(db, cancellationToken)).SelfAndDescendants(unitId).ToList();
            forms = forms.Where(f => units.Contains(f.OwnerUnitId));
        }

        return forms;
    }

    public IQueryable<QaForm> Order(IQueryable<QaForm> forms)
    {
        var descending = Sort?.StartsWith('-') == true;
        IOrderedQueryable<QaForm> ordered = (Sort?.TrimStart('-').ToLowerInvariant(), descending) switch
        {
            ("received", false) => forms.OrderBy(f => f.ReceivedAt),
            ("received", true) => forms.OrderByDescending(f => f.ReceivedAt),
            ("number", false) => forms.OrderBy(f => f.Year).ThenBy(f => f.Sequence),
            ("number", true) => forms.OrderByDescending(f => f.Year).ThenByDescending(f => f.Sequence),
            // Forms without a due time (no calendar yet) come first: they need attention.
            (_, true) => forms.OrderByDescending(f => f.DueAt == null).ThenByDescending(f => f.DueAt),
            _ => forms.OrderByDescending(f => f.DueAt == null).ThenBy(f => f.DueAt),
        };
        return descending ? ordered.ThenByDescending(f => f.Id) : ordered.ThenBy(f => f.Id);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!OpenOnly && !AllStatuses && StatusValue is null)
        {
            yield return new ValidationResult(validationContext.Localize("Choose a status."), [nameof(Status)]);
        }
    }
}
