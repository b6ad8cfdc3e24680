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
            .WhereActiveOn(date)
            .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var holders = (await db.Set<Responsibility>()
            .Where(r => r.From <= date && (r.To == null || r.To >= date)).ToResponses().ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitId);

        var rows = UnitChoices.InTreeOrder(units)
            .Select(u => new UnitRow(u.Unit, u.Unit.DisplayName(chinese), UnitChoices.Indent(u.Depth), counts.GetValueOrDefault(u.Unit.Id), holders[u.Unit.Id].ToList()))
            .ToList();
        Rows = rows;
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded;
    }
}
