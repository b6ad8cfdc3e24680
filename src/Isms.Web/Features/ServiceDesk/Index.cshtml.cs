using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Isms.Web.Features.ServiceDesk;

/// The queue: the desk's working list, and everyone else's own forms.
[Authorize(Policy = Policies.RecordsRead)]
public sealed class IndexModel(IsmsDbContext db, QaFormReads reads, QaFormAccess access, QaCategories categories, Today today, IAuthorizationService authorization) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public QaFormQuery Query { get; set; } = new();

    public Page<QaFormResponse> Result { get; private set; } = new([], 0, 1, 25);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public IReadOnlyList<QaCategoryResponse> Categories { get; private set; } = [];

    public IReadOnlyList<QaAssignee> Assignees { get; private set; } = [];

    public bool IsDesk => access.IsDesk;

    public bool CanReport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Query = new QaFormQuery { Q = Query.Q?.Length <= 100 ? Query.Q : null };
        }

        // The desk works from the open forms; a requester looks for their forms, finished ones too.
        if (!IsDesk && string.IsNullOrWhiteSpace(Query.Status))
        {
            Query = Query with { Status = "all" };
        }

        Result = await reads.SearchAsync(Query, cancellationToken);
        Pager = new PagerModel(Result.PageNumber, Result.PageCount, "/ServiceDesk", Request.Query);
        Units = await UnitChoices.LoadAsync(db, cancellationToken);
        Categories = await categories.ListAsync(includeInactive: true, cancellationToken);
        Assignees = IsDesk ? await QaAssignees.ListAsync(db, today.Date, cancellationToken) : [];
        CanReport = (await authorization.AuthorizeAsync(User, Policies.ServiceDeskReport)).Succeeded;
    }
}
