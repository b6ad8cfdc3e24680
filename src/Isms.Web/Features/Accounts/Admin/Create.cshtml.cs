using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Accounts.Admin;

[Authorize(Policy = Policies.AccountsAdmin)]
public sealed class CreateModel(NewAccounts accounts, IsmsDbContext db) : PageModel
{
    [BindProperty]
    public NewAccountRequest Input { get; set; } = new();

    /// Set only on the answer to the POST that made the account: it is never shown again.
    public NewAccountResponse? Created { get; private set; }

    public string? PersonName { get; private set; }

    public async Task OnGetAsync(int? personId, CancellationToken cancellationToken)
    {
        Input = new NewAccountRequest { PersonId = personId, Roles = [Roles.Staff] };
        await LoadPersonAsync(personId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), async () => Created = await accounts.CreateAsync(Input, cancellationToken)))
        {
            ModelState.Clear();
        }

        await LoadPersonAsync(Input.PersonId, cancellationToken);
        return Page();
    }

    private async Task LoadPersonAsync(int? personId, CancellationToken cancellationToken) =>
        PersonName = personId is { } id
            ? await db.Set<Person>().Where(p => p.Id == id).Select(p => p.FullName).SingleOrDefaultAsync(cancellationToken)
            : null;
}
