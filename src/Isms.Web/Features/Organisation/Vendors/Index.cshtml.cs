using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation.Vendors;

[Authorize(Policy = Policies.PeopleRead)]
public sealed class IndexModel(IsmsDbContext db, Today today, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<(VendorResponse Vendor, int Staff)> Rows { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var date = today.Date;
        var staff = await db.Set<Person>().AsNoTracking()
            .WhereActiveOn(date).Where(p => p.VendorId != null)
            .GroupBy(p => p.VendorId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = (await db.Set<Vendor>().AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken))
            .Select(v => (v.ToResponse(), staff.GetValueOrDefault(v.Id))).ToList();
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded;
    }
}
