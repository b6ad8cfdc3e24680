using System.Globalization;
using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation.Units;

public sealed record UnitRow(Unit Unit, string Name, string Indent, int ActivePersons, IReadOnlyList<ResponsibilityResponse> Holders);

[Authorize(Policy = Policies.PeopleRead)]
public sealed class IndexModel(IsmsDbContext db, Today today, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var date = today.Date;
        var units = await db.Set<Unit>().AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Set<Person>().AsNoTracking()
            .Where(p => p.ActiveFrom <= date && (p.ActiveTo == null || p.ActiveTo >= date))
            .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var holders = (await db.Set<Responsibility>()
            .Where(r => r.From <= date && (r.To == null || r.To >= date)).ToResponses().ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitId);

        var byParent = units.ToLookup(u => u.ParentId);
        var rows = new List<UnitRow>();
        void Add(int? parent, int depth)
        {
            foreach (var unit in byParent[parent].OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                rows.Add(new UnitRow(unit, unit.DisplayName(chinese), new string('\u00a0', depth * 3), counts.GetValueOrDefault(unit.Id), holders[unit.Id].ToList()));
                Add(unit.Id, depth + 1);
            }
        }

        Add(null, 0);
        Rows = rows;
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded;
    }
}
