using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Documents;

/// Filing and changing documents. A writer may only file documents for units in their scope and
/// at most at their own clearance, so nobody can create a record they could not read back.
public sealed class DocumentWrites(IsmsDbContext db, Caller caller, Classifications classifications, Today today, IStringLocalizer<SharedResource> text)
{
    public async Task<Document> SaveAsync(int? id, DocumentInput input, CancellationToken cancellationToken)
    {
        var scope = await caller.ScopeAsync(cancellationToken);
        Document document;
        if (id is { } existing)
        {
            var visible = await caller.VisibleAsync(db.Set<Document>(), cancellationToken);
            document = await visible.SingleOrDefaultAsync(d => d.Id == existing, cancellationToken)
                ?? throw new RecordNotFoundException("Document", existing);
            if (!scope.CanManageUnit(document.OwnerUnitId))
            {
                throw new AccessDeniedException(text["This document belongs to a unit outside your scope."]);
            }

            if (document.Version != input.Version)
            {
                throw new RuleViolationException("document.stale", text["Someone else changed this document meanwhile. Reload and try again."], isConflict: true);
            }

            document.Version++;
        }
        else
        {
            document = new Document { Reference = "", Title = "", CreatedAt = today.Now, CreatedById = scope.AccountId };
            db.Add(document);
        }

        var errors = new FieldErrors();
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == input.OwnerUnitId, cancellationToken))
        {
            errors.Add(nameof(input.OwnerUnitId), text["The unit does not exist."]);
        }
        else if (!scope.CanManageUnit(input.OwnerUnitId))
        {
            errors.Add(nameof(input.OwnerUnitId), text["You may only file documents for units in your scope."]);
        }

        if (!classifications.Scale.IsLevel(input.Classification))
        {
            errors.Add(nameof(input.Classification), text["Choose a classification."]);
        }
        else if (input.Classification > scope.Clearance)
        {
            errors.Add(nameof(input.Classification), text["You may not classify a document above your own clearance."]);
        }

        if (input.VendorId is { } vendorId && !await db.Set<Vendor>().AnyAsync(v => v.Id == vendorId, cancellationToken))
        {
            errors.Add(nameof(input.VendorId), text["The vendor does not exist."]);
        }

        var reference = input.Reference.Trim();
        if (await db.Set<Document>().AnyAsync(d => d.Reference == reference && d.Id != (id ?? 0), cancellationToken))
        {
            errors.Add(nameof(input.Reference), text["Another document has this reference."]);
        }

        errors.ThrowIfAny();
        document.Assign(input);
        document.UpdatedAt = today.Now;
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }
}
