using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Incidents.Sanctions;

[Authorize(Policy = Policies.SanctionsRead)]
public sealed class IndexModel(IsmsDbContext db, SanctionRecords records, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SanctionQuery Query { get; set; } = new();

    public Page<SanctionResponse> Result { get; private set; } = new([], 0, 1, 25);

    public PagerModel Pager { get; private set; } = null!;

    /// The person the list is narrowed to, when the caller came from their details page.
    public string? PersonName { get; private set; }

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Query = new SanctionQuery { PersonId = Query.PersonId };
        }

        Result = await records.ListAsync(Query, cancellationToken);
        Pager = new PagerModel(Result.PageNumber, Result.PageCount, "/Incidents/Sanctions", Request.Query);
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.SanctionsWrite)).Succeeded;
        // The name comes from the records the caller reaches, so it says nothing about anyone else.
        if (Query.PersonId is { } personId)
        {
            PersonName = Result.Items.Count > 0 ? Result.Items[0].PersonName
                : CanWrite ? await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.FullName).SingleOrDefaultAsync(cancellationToken)
                : null;
        }
    }
}
