using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

public sealed record SignInRequest([property: Required, MaxLength(256)] string UserName, [property: Required, MaxLength(256)] string Password);

public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(256)] string CurrentPassword,
    [property: Required, MaxLength(256)] string NewPassword);

public sealed record SignInResponse(string UserName, bool MustChangePassword);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/sign-in", SignIn).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/sign-out", SignOut);
        group.MapPost("/change-password", ChangePassword);
        return endpoints;
    }

    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SignIn(SignInRequest request, SignInFlow flow, HttpContext http)
    {
        var outcome = await flow.SignInAsync(http, request.UserName, request.Password);
        return outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.Ok(new SignInResponse(request.UserName, false)),
            SignInOutcome.MustChangePassword => TypedResults.Ok(new SignInResponse(request.UserName, true)),
            SignInOutcome.LockedOut => TypedResults.Problem("The account is locked for a while after too many failed sign-ins.", statusCode: StatusCodes.Status401Unauthorized),
            _ => TypedResults.Problem("The user name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<NoContent> SignOut(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, UserManager<Account> users, SignInFlow flow, HttpContext http)
    {
        var account = await users.GetUserAsync(http.User);
        if (account is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["The account no longer exists."] });
        }

        var result = await flow.ChangePasswordAsync(http, account, request.CurrentPassword, request.NewPassword);
        return result.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(ChangePasswordRequest.NewPassword)] = result.Errors.Select(e => e.Description).ToArray(),
            });
    }
}
