using Isms.Web.Data;
using Isms.Web.Platform.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.ServiceDesk;

/// The desk's first settings (the policy's 2 working days and 94 %) and a starting list of
/// categories, added once; the security office changes them afterwards.
public sealed class ServiceDeskReferenceData : IReferenceData
{
    /// Forms received before any change follow the first settings, however old they are.
    public static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Code, string Name, string NameZh, QaClockRule Rule)[] Categories =
    [
        ("ACCESS", "Accounts and access rights", "帳號與權限", QaClockRule.WorkingDays),
        ("DECL", "Import and export declarations", "進出口報單", QaClockRule.WorkingDays),
        ("MANIFEST", "Manifests", "艙單", QaClockRule.WorkingDays),
        ("PAYMENT", "Duties and fees", "稅費繳納", QaClockRule.WorkingDays),
        ("OUTAGE", "System errors and outages", "系統異常", QaClockRule.WorkingHours),
        ("OTHER", "Other questions", "其他問題", QaClockRule.WorkingDays),
    ];

    public async Task SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Set<ServiceDeskSetting>().AnyAsync(cancellationToken))
        {
            db.Add(new ServiceDeskSetting { EffectiveFrom = Beginning });
        }

        if (!await db.Set<QaCategory>().AnyAsync(cancellationToken))
        {
            db.AddRange(Categories.Select(c => new QaCategory { Code = c.Code, Name = c.Name, NameZh = c.NameZh, Rule = c.Rule }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
