using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Isms.Web.Features.People;

[Authorize(Policy = Policies.PeopleRead)]
public sealed class IndexModel(IsmsDbContext db, Caller caller, Today today, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PersonQuery Query { get; set; } = new();

    public Page<PersonResponse> Result { get; private set; } = new([], 0, 1, 25);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public bool CanWrite { get; private set; }

    private Dictionary<int, string> _unitNames = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited query string (page=0, pageSize=100000) falls back to the defaults.
            Query = new PersonQuery { Q = Query.Q?.Length <= 100 ? Query.Q : null };
        }

        Result = await PersonReads.SearchAsync(db, await caller.VisiblePeopleAsync(db, cancellationToken), Query, today.Date, cancellationToken);
        Pager = new PagerModel(Result.PageNumber, Result.PageCount, "/People", Request.Query);
        var units = await UnitChoices.LoadAsync(db, cancellationToken);
        Units = units;
        _unitNames = units.ToDictionary(u => int.Parse(u.Value, System.Globalization.CultureInfo.InvariantCulture), u => u.Text.TrimStart('\u00a0', ' '));
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.PeopleWrite)).Succeeded;
    }

    public string UnitName(int id, string fallback) => _unitNames.GetValueOrDefault(id, fallback);
}
