using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Tokens;

/// Accounts for automation (monitoring, the ticket import, scripts) and their tokens.
[Authorize(Policy = Policies.AccountsAdmin)]
public sealed class ServiceAccountsModel(TokenWrites tokens) : PageModel
{
    [BindProperty]
    public ServiceAccountRequest Account { get; set; } = new() { Role = Roles.Staff };

    [BindProperty]
    public TokenRequest Token { get; set; } = new();

    public IReadOnlyList<ServiceAccountResponse> Accounts { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public string? NewSecretFor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await tokens.ListServiceAccountsAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ModelState.ClearValidationState(nameof(Token));
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Token), StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Account), () => tokens.CreateServiceAccountAsync(Account, cancellationToken)))
        {
            TempData["Notice"] = "The service account was created.";
            return RedirectToPage();
        }

        Accounts = await tokens.ListServiceAccountsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTokenAsync(Guid accountId, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Account), StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        try
        {
            var holder = await tokens.FindServiceAccountAsync(accountId, cancellationToken);
            if (ModelState.IsValid)
            {
                NewSecret = (await tokens.CreateAsync(holder.Id, Token, cancellationToken)).Secret;
                NewSecretFor = holder.UserName;
                Token = new TokenRequest();
                ModelState.Clear();
            }
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        Accounts = await tokens.ListServiceAccountsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid accountId, Guid tokenId, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeAsync((await tokens.FindServiceAccountAsync(accountId, cancellationToken)).Id, tokenId, cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = "The token was revoked.";
        return RedirectToPage();
    }
}
