using System.Globalization;
using Isms.Core.Organisation;
using Isms.Web.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation;

/// The units as a select list: in tree order, indented by depth, named in the reader's language.
public static class UnitChoices
{
    public static async Task<List<SelectListItem>> LoadAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var units = await db.Set<Unit>().AsNoTracking().ToListAsync(cancellationToken);
        return InTreeOrder(units).Select(u => new SelectListItem(
            Indent(u.Depth) + u.Unit.DisplayName(chinese) + (u.Unit.IsActive ? "" : " ✕"),
            u.Unit.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// The units in tree order with their depth (Isms.Core's UnitTree), siblings by code.
    public static IEnumerable<(Unit Unit, int Depth)> InTreeOrder(IReadOnlyList<Unit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        return new UnitTree(units.ToDictionary(u => u.Id, u => u.ParentId))
            .InTreeOrder(id => byId[id].Code)
            .Select(entry => (byId[entry.Unit], entry.Depth));
    }

    public static string Indent(int depth) => new('\u00a0', depth * 3);
}
