using Isms.Web.Data;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Accounts;

/// Account administration for administrators: /api/v1/accounts.
public static class AccountAdminEndpoints
{
    public static IEndpointRouteBuilder MapAccountAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireAuthorization(Policies.AccountsAdmin);
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", async (NewAccountRequest request, NewAccounts accounts, CancellationToken ct) =>
        {
            var created = await accounts.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/accounts/{created.Id}", created);
        });
        group.MapPost("/{id:guid}/reset-password", ResetPassword);
        group.MapPost("/{id:guid}/sign-out-everywhere", (Guid id, UserManager<Account> users, AccountActions actions) =>
            ActAsync(id, users, actions.SignOutEverywhereAsync));
        group.MapPost("/{id:guid}/lock", (Guid id, UserManager<Account> users, AccountActions actions, IOptions<IdentityOptions> identity, HttpContext http) =>
            NotSelfAsync(id, users, http, account => actions.LockAsync(account, identity.Value.Lockout.DefaultLockoutTimeSpan)));
        group.MapPost("/{id:guid}/unlock", (Guid id, UserManager<Account> users, AccountActions actions) => ActAsync(id, users, actions.UnlockAsync));
        group.MapPost("/{id:guid}/disable", (Guid id, UserManager<Account> users, AccountActions actions, HttpContext http) =>
            NotSelfAsync(id, users, http, actions.DisableAsync));
        group.MapPost("/{id:guid}/reset-mfa", (Guid id, UserManager<Account> users, AccountActions actions) => ActAsync(id, users, actions.ResetMfaAsync));
        return endpoints;
    }

    private static async Task<Ok<Page<AccountResponse>>> List(IsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        string? q = null, int page = 1, int pageSize = 25) =>
        TypedResults.Ok(await AccountReads.SearchAsync(db, q, page, pageSize, clock.GetUtcNow(), cancellationToken));

    private static async Task<Results<Ok<AccountResponse>, NotFound>> Get(Guid id, IsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await AccountReads.FindAsync(db, id, clock.GetUtcNow(), cancellationToken) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();

    private static async Task<Results<Ok<OneTimePasswordResponse>, NotFound>> ResetPassword(Guid id, UserManager<Account> users, AccountActions actions)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new OneTimePasswordResponse(account.UserName ?? "", await actions.ResetPasswordAsync(account)));
    }

    /// An administrator who locks themselves out may be the last one; another administrator must do it.
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> NotSelfAsync(Guid id, UserManager<Account> users, HttpContext http, Func<Account, Task> action)
    {
        if (users.GetUserId(http.User) == id.ToString())
        {
            return TypedResults.Problem("You cannot lock or disable your own account.", statusCode: StatusCodes.Status409Conflict,
                type: Isms.Web.Platform.Errors.ProblemSetup.TypeBase + "own-account");
        }

        return await ActAsync(id, users, action) switch
        {
            { Result: NoContent done } => done,
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound>> ActAsync(Guid id, UserManager<Account> users, Func<Account, Task> action)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account)
        {
            return TypedResults.NotFound();
        }

        await action(account);
        return TypedResults.NoContent();
    }
}
