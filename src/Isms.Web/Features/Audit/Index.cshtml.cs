using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Audit;

[Authorize(Policy = Policies.AuditRead)]
public sealed class IndexModel(IsmsDbContext db, AgencyTime agency, AuditRedaction redaction) : PageModel
{
    public AuditQuery Query { get; private set; } = new();

    public Page<AuditEntryResponse> Result { get; private set; } = new([], 0, 1, 50);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    // From the query string only: Razor Pages' own route value "page" must not bind to the page number.
    public async Task OnGetAsync([FromQuery] AuditQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        if (ModelState.IsValid)
        {
            var page = await Query.SearchAsync(db, agency, cancellationToken);
            var shown = await redaction.ForCallerAsync(cancellationToken);
            Result = page with { Items = [.. page.Items.Select(shown)] };
        }

        Pager = new PagerModel(Result.PageNumber, Result.PageCount, "/Audit", Request.Query);
        EntityTypes = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityType != null).Select(e => e.EntityType!)
            .Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}
