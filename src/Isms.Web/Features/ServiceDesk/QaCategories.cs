using System.ComponentModel.DataAnnotations;
using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.ServiceDesk;

public sealed record QaCategoryInput
{
    [Display(Name = "Code"), Required(ErrorMessage = "Enter a short code."), MaxLength(30, ErrorMessage = Messages.TooLong)]
    public string Code { get; init; } = "";

    [Display(Name = "Name"), Required(ErrorMessage = "Enter the name."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string Name { get; init; } = "";

    [Display(Name = "Name (Chinese)"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? NameZh { get; init; }

    [Display(Name = "Clock")]
    public QaClockRule Rule { get; init; }

    [Display(Name = "In use")]
    public bool IsActive { get; init; } = true;

    public int Version { get; init; }
}

public sealed record QaCategoryResponse(int Id, string Code, string Name, string? NameZh, QaClockRule Rule, bool IsActive, int Version);

/// The categories of questions. A category's rule applies to forms received after a change.
public sealed class QaCategories(IsmsDbContext db, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<QaCategoryResponse>> ListAsync(bool includeInactive, CancellationToken cancellationToken) =>
        await db.Set<QaCategory>().AsNoTracking().Where(c => includeInactive || c.IsActive).OrderBy(c => c.Code)
            .Select(c => new QaCategoryResponse(c.Id, c.Code, c.Name, c.NameZh, c.Rule, c.IsActive, c.Version)).ToListAsync(cancellationToken);

    public async Task<QaCategoryResponse> SaveAsync(int? id, QaCategoryInput input, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(input.Rule))
        {
            throw InputRejectedException.For(nameof(input.Rule), text["Choose how the clock runs."]);
        }

        QaCategory category;
        if (id is { } existing)
        {
            category = await db.Set<QaCategory>().SingleOrDefaultAsync(c => c.Id == existing, cancellationToken)
                ?? throw new RecordNotFoundException("Category", existing);
            if (category.Version != input.Version)
            {
                throw new RuleViolationException("category.stale", text["Someone else changed this category meanwhile. Reload and try again."], isConflict: true);
            }

            category.Version++;
        }
        else
        {
            category = new QaCategory { Code = "", Name = "" };
            db.Add(category);
        }

        var code = input.Code.Trim().ToUpperInvariant();
        if (await db.Set<QaCategory>().AnyAsync(c => c.Code == code && c.Id != (id ?? 0), cancellationToken))
        {
            throw InputRejectedException.For(nameof(input.Code), text["Another category has this code."]);
        }

        category.Code = code;
        category.Name = input.Name.Trim();
        category.NameZh = string.IsNullOrWhiteSpace(input.NameZh) ? null : input.NameZh.Trim();
        category.Rule = input.Rule;
        category.IsActive = input.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return new QaCategoryResponse(category.Id, category.Code, category.Name, category.NameZh, category.Rule, category.IsActive, category.Version);
    }
}
