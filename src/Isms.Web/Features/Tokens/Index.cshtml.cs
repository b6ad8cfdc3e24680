using Isms.Web.Features.Accounts;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Tokens;

/// The signed-in user's own access tokens for the API.
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(TokenWrites tokens, UserManager<Account> users) : PageModel
{
    [BindProperty]
    public TokenRequest Input { get; set; } = new();

    public IReadOnlyList<TokenResponse> Tokens { get; private set; } = [];

    /// Set only on the answer to the POST that made the token: it is never shown again.
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(AccountId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var created = await tokens.CreateAsync(AccountId, Input, cancellationToken);
            NewSecret = created.Secret;
            Input = new TokenRequest();
            ModelState.Clear();
        }

        Tokens = await tokens.ListAsync(AccountId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeAsync(AccountId, tokenId, cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = "The token was revoked.";
        return RedirectToPage();
    }

    private Guid AccountId => Guid.Parse(users.GetUserId(User)!);
}
