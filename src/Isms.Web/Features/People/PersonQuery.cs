using System.ComponentModel.DataAnnotations;
using Isms.Web.Data;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.People;

public enum PersonStatus
{
    Active,
    Inactive,
    All,
}

/// The list's search, filters, sort and page; the page, the API and the CSV export share it.
public sealed record PersonQuery : IValidatableObject
{
    public const int MaxPageSize = 200;

    [MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? Q { get; init; }

    /// A kind of person, by name in any letter case.
    [MaxLength(40, ErrorMessage = Messages.TooLong)]
    public string? Kind { get; init; }

    /// The unit and every unit nested in it.
    public int? UnitId { get; init; }

    public int? VendorId { get; init; }

    /// Active (in scope today, the default), Inactive or All, in any letter case.
    [MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Status { get; init; }

    // Kept as text so that `status=active` works and an unknown value is a field error, not a bare 400.
    public PersonKind? KindValue => QueryValues.ParseEnum<PersonKind>(Kind);

    public PersonStatus StatusValue => QueryValues.ParseEnum<PersonStatus>(Status) ?? PersonStatus.Active;

    /// name, unit, kind, from, number; a leading '-' sorts descending.
    [MaxLength(20, ErrorMessage = Messages.TooLong)]
    public string? Sort { get; init; }

    // Nullable because the API's [AsParameters] binding leaves a missing value at its default.
    [Range(1, int.MaxValue)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 25;

    public async Task<IQueryable<Person>> FilterAsync(IsmsDbContext db, IQueryable<Person> visible, DateOnly today, CancellationToken cancellationToken)
    {
        var people = visible.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
            people = people.Where(p => p.SearchText.Contains(term));
        }

        if (KindValue is { } kind)
        {
            people = people.Where(p => p.Kind == kind);
        }

        if (UnitId is { } unitId)
        {
            var units = (await Organisation.UnitTrees.LoadAsync(db, cancellationToken)).SelfAndDescendants(unitId).ToList();
            people = people.Where(p => units.Contains(p.UnitId));
        }

        if (VendorId is { } vendorId)
        {
            people = people.Where(p => p.VendorId == vendorId);
        }

        return StatusValue switch
        {
            PersonStatus.Active => people.WhereActiveOn(today),
            PersonStatus.Inactive => people.WhereInactiveOn(today),
            _ => people,
        };
    }

    public IQueryable<Person> Order(IQueryable<Person> people)
    {
        var descending = Sort?.StartsWith('-') == true;
        var key = Sort?.TrimStart('-').ToLowerInvariant();
        IOrderedQueryable<Person> ordered = (key, descending) switch
        {
            ("unit", false) => people.OrderBy(p => p.Unit!.Name),
            ("unit", true) => people.OrderByDescending(p => p.Unit!.Name),
            ("kind", false) => people.OrderBy(p => p.Kind),
            ("kind", true) => people.OrderByDescending(p => p.Kind),
            ("from", false) => people.OrderBy(p => p.ActiveFrom),
            ("from", true) => people.OrderByDescending(p => p.ActiveFrom),
            ("number", false) => people.OrderBy(p => p.EmployeeNumber),
            ("number", true) => people.OrderByDescending(p => p.EmployeeNumber),
            (_, true) => people.OrderByDescending(p => p.FullName),
            _ => people.OrderBy(p => p.FullName),
        };
        // The id breaks ties, so paging never shows a row twice or skips one.
        return descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Kind) && KindValue is null)
        {
            yield return new ValidationResult(validationContext.Localize("Choose a kind of person."), [nameof(Kind)]);
        }

        if (!string.IsNullOrWhiteSpace(Status) && QueryValues.ParseEnum<PersonStatus>(Status) is null)
        {
            yield return new ValidationResult(validationContext.Localize("The status is Active, Inactive or All."), [nameof(Status)]);
        }
    }
}
