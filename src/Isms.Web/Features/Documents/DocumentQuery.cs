using System.ComponentModel.DataAnnotations;
using Isms.Web.Data;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Documents;

/// The register's search, filters, sort and page; the page, the API and the CSV export share it.
public sealed record DocumentQuery : IValidatableObject
{
    public const int MaxPageSize = 200;

    [MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? Q { get; init; }

    /// A kind of document, by name in any letter case.
    [MaxLength(40, ErrorMessage = Messages.TooLong)]
    public string? Kind { get; init; }

    /// The owner unit and every unit nested in it.
    public int? UnitId { get; init; }

    /// Withdrawn documents are left out unless asked for.
    public bool? Withdrawn { get; init; }

    /// reference, title, review; a leading '-' sorts descending.
    [MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Sort { get; init; }

    [Range(1, int.MaxValue)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 25;

    public DocumentKind? KindValue => QueryValues.ParseEnum<DocumentKind>(Kind);

    /// Narrows the documents the caller may see; never widens them.
    public async Task<IQueryable<Document>> FilterAsync(IsmsDbContext db, IQueryable<Document> visible, CancellationToken cancellationToken)
    {
        var documents = visible.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
            documents = documents.Where(d => d.SearchText.Contains(term));
        }

        if (KindValue is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (UnitId is { } unitId)
        {
            var units = (await Organisation.UnitTrees.LoadAsync(db, cancellationToken)).SelfAndDescendants(unitId).ToList();
            documents = documents.Where(d => units.Contains(d.OwnerUnitId));
        }

        if (Withdrawn != true)
        {
            documents = documents.Where(d => !d.IsWithdrawn);
        }

        return documents;
    }

    public IQueryable<Document> Order(IQueryable<Document> documents)
    {
        var descending = Sort?.StartsWith('-') == true;
        IOrderedQueryable<Document> ordered = (Sort?.TrimStart('-').ToLowerInvariant(), descending) switch
        {
            ("title", false) => documents.OrderBy(d => d.Title),
            ("title", true) => documents.OrderByDescending(d => d.Title),
            ("review", false) => documents.OrderBy(d => d.NextReviewOn),
            ("review", true) => documents.OrderByDescending(d => d.NextReviewOn),
            (_, true) => documents.OrderByDescending(d => d.Reference),
            _ => documents.OrderBy(d => d.Reference),
        };
        return descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Kind) && KindValue is null)
        {
            yield return new ValidationResult(validationContext.Localize("Choose a kind of document."), [nameof(Kind)]);
        }
    }
}
