using Isms.Web.Data;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Accounts.Admin;

/// One account for an administrator. Each action is a POST of its own; a reset password is shown on
/// the answer to that POST only (pages are never cached: Cache-Control no-store).
[Authorize(Policy = Policies.AccountsAdmin)]
public sealed class DetailsModel(IsmsDbContext db, UserManager<Account> users, AccountActions actions, TimeProvider clock, IOptions<IdentityOptions> identity) : PageModel
{
    public AccountResponse Account { get; private set; } = null!;

    public string? OneTimePassword { get; private set; }

    public bool IsSelf => users.GetUserId(User) == Account.Id.ToString();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account)
        {
            return NotFound();
        }

        if (account.IsServiceAccount)
        {
            return BadRequest();
        }

        OneTimePassword = await actions.ResetPasswordAsync(account);
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostLockAsync(Guid id) =>
        NotSelfAsync(id, a => actions.LockAsync(a, identity.Value.Lockout.DefaultLockoutTimeSpan), "The account is locked.");

    public Task<IActionResult> OnPostUnlockAsync(Guid id) => ActAsync(id, actions.UnlockAsync, "The account can sign in again.");

    public Task<IActionResult> OnPostDisableAsync(Guid id) => NotSelfAsync(id, actions.DisableAsync, "The account is disabled.");

    public Task<IActionResult> OnPostResetMfaAsync(Guid id) => ActAsync(id, actions.ResetMfaAsync, "Two-factor sign-in of the account was reset.");

    public Task<IActionResult> OnPostSignOutEverywhereAsync(Guid id) =>
        ActAsync(id, actions.SignOutEverywhereAsync, "Every session of the account was ended.");

    /// An administrator who locks themselves out may be the last one; another administrator must do it.
    private async Task<IActionResult> NotSelfAsync(Guid id, Func<Account, Task> action, string notice)
    {
        if (users.GetUserId(User) == id.ToString())
        {
            TempData["Notice"] = "You cannot lock or disable your own account.";
            return RedirectToPage(new { id });
        }

        return await ActAsync(id, action, notice);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Account, Task> action, string notice)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account)
        {
            return NotFound();
        }

        await action(account);
        TempData["Notice"] = notice;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccountReads.FindAsync(db, id, clock.GetUtcNow(), cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }
}
