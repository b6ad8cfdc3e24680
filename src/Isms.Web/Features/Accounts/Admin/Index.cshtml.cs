using Isms.Web.Data;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Accounts.Admin;

[Authorize(Policy = Policies.AccountsAdmin)]
public sealed class IndexModel(IsmsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<AccountResponse> Result { get; private set; } = new([], 0, 1, 25);

    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Q?.Length <= 100 ? Q : null;
        Result = await AccountReads.SearchAsync(db, q, PageNumber, 25, clock.GetUtcNow(), cancellationToken);
        Pager = new PagerModel(Result.PageNumber, Result.PageCount, "/Accounts/Admin", Request.Query);
    }
}
