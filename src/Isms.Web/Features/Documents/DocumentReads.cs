using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Documents;

/// Every read of the register starts from the documents the caller may see (Caller.VisibleAsync),
/// so a list, a count, a search, an export and a detail can never show more.
public sealed class DocumentReads(IsmsDbContext db, Caller caller, Classifications classifications)
{
    public async Task<IQueryable<Document>> VisibleAsync(CancellationToken cancellationToken) =>
        await caller.VisibleAsync(db.Set<Document>(), cancellationToken);

    public async Task<Page<DocumentResponse>> SearchAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        var filtered = await query.FilterAsync(db, await VisibleAsync(cancellationToken), cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await Project(query.Order(filtered).Skip((query.PageNumber - 1) * query.Size).Take(query.Size))
            .ToListAsync(cancellationToken);
        return new Page<DocumentResponse>(items.Select(Name).ToList(), total, query.PageNumber, query.Size);
    }

    public async Task<DocumentResponse?> FindAsync(int id, CancellationToken cancellationToken) =>
        await Project((await VisibleAsync(cancellationToken)).AsNoTracking().Where(d => d.Id == id)).SingleOrDefaultAsync(cancellationToken) is { } found
            ? Name(found)
            : null;

    public async IAsyncEnumerable<DocumentResponse> ExportAsync(DocumentQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filtered = await query.FilterAsync(db, await VisibleAsync(cancellationToken), cancellationToken);
        await foreach (var document in Project(query.Order(filtered)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return Name(document);
        }
    }

    private DocumentResponse Name(DocumentResponse document) =>
        document with { ClassificationName = classifications.Label(document.Classification) };

    private static IQueryable<DocumentResponse> Project(IQueryable<Document> documents) =>
        documents.Select(d => new DocumentResponse(
            d.Id,
            d.Reference,
            d.Title,
            d.Kind,
            d.Summary,
            d.Edition,
            d.EffectiveOn,
            d.NextReviewOn,
            d.IsWithdrawn,
            d.OwnerUnitId,
            d.OwnerUnit!.Code,
            d.OwnerUnit.Name,
            d.Classification,
            d.Audience,
            d.VendorId,
            d.Version,
            d.CreatedAt,
            d.UpdatedAt));
}
