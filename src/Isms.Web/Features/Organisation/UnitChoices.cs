using System.Globalization;
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
        var byParent = units.ToLookup(u => u.ParentId);
        var list = new List<SelectListItem>();
        void Add(int? parent, int depth)
        {
            foreach (var unit in byParent[parent].OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                var name = new string('\u00a0', depth * 3) + unit.DisplayName(chinese) + (unit.IsActive ? "" : " ✕");
                list.Add(new SelectListItem(name, unit.Id.ToString(CultureInfo.InvariantCulture)));
                Add(unit.Id, depth + 1);
            }
        }

        Add(null, 0);
        // A unit whose parent chain is broken would be missed above; list it rather than hide it.
        foreach (var orphan in units.Where(u => list.All(i => i.Value != u.Id.ToString(CultureInfo.InvariantCulture))))
        {
            list.Add(new SelectListItem(orphan.DisplayName(chinese), orphan.Id.ToString(CultureInfo.InvariantCulture)));
        }

        return list;
    }
}
