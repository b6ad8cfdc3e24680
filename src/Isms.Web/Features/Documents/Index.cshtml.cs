using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Isms.Web.Features.Documents;

[Authorize(Policy = Policies.RecordsRead)]
public sealed class IndexModel(IsmsDbContext db, DocumentReads reads, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DocumentQuery Query { get; set; } = new();

    public Page<DocumentResponse> Result { get; private set; } = new([], 0, 1, 25);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Query = new DocumentQuery { Q = Query.Q?.Length <= 100 ? Query.Q : null };
        }

        Result = await reads.SearchAsync(Query, cancellationToken);
        Pager = new PagerModel(Result.PageNumber, Result.PageCount, "/Documents", Request.Query);
        Units = await UnitChoices.LoadAsync(db, cancellationToken);
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.DocumentsWrite)).Succeeded;
    }
}
