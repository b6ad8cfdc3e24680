using Isms.Core.Access;
using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Documents;

/// The register of a customs administration's management system, at every classification level,
/// so that a demonstration shows need-to-know at work.
public sealed class DocumentsDemoData(TimeProvider clock) : IDemoData
{
    private static readonly (string Reference, string Title, DocumentKind Kind, string Unit, int Level, RecordAudience Audience)[] Documents =
    [
        ("ISMS-P-001", "Information Security Policy", DocumentKind.Policy, "DG", 1, RecordAudience.Everyone),
        ("ISMS-P-002", "Acceptable Use of Information Systems", DocumentKind.Policy, "DG", 1, RecordAudience.Everyone),
        ("ISMS-PR-010", "Incident Reporting and Handling Procedure", DocumentKind.Procedure, "DG-IM", 1, RecordAudience.Everyone),
        ("ISMS-PR-011", "Business Continuity Plan for the Cargo Clearance Automation System", DocumentKind.Procedure, "DG-IM", 2, RecordAudience.Restricted),
        ("ISMS-PR-012", "Backup and Restore Procedure", DocumentKind.Procedure, "DG-IM", 2, RecordAudience.OwnerUnitMembers),
        ("ISMS-R-020", "Network Architecture and Firewall Rules", DocumentKind.Record, "DG-IM", 3, RecordAudience.Restricted),
        ("ISMS-F-030", "Q&A Form (Document No. 0154029)", DocumentKind.Form, "DG-IM", 0, RecordAudience.Everyone),
        ("KLC-PR-001", "Keelung Customs Counter Terminal Handling", DocumentKind.Procedure, "KLC", 1, RecordAudience.OwnerUnitMembers),
        ("KHC-PR-001", "Kaohsiung Customs Counter Terminal Handling", DocumentKind.Procedure, "KHC", 1, RecordAudience.OwnerUnitMembers),
    ];

    public int Order => 200;

    public async Task<bool> SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<Document>().AnyAsync(cancellationToken))
        {
            return false;
        }

        var units = await db.Set<Unit>().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (reference, title, kind, unit, level, audience) in Documents.Where(d => units.ContainsKey(d.Unit)))
        {
            var document = new Document { Reference = "", Title = "", CreatedAt = now, UpdatedAt = now };
            document.Assign(new DocumentInput
            {
                Reference = reference,
                Title = title,
                Kind = kind,
                Edition = "1.0",
                EffectiveOn = new DateOnly(2026, 1, 1),
                NextReviewOn = new DateOnly(2027, 1, 1),
                OwnerUnitId = units[unit],
                Classification = level,
                Audience = audience,
            });
            db.Add(document);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
