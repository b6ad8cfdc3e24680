using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Features.Accounts;

public sealed record SignInRequest([property: Required, MaxLength(256)] string UserName, [property: Required, MaxLength(256)] string Password);

/// Either the 6-digit code of the authenticator app or one of the recovery codes.
public sealed record SecondFactorRequest([property: MaxLength(64)] string? Code, [property: MaxLength(64)] string? RecoveryCode);

public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(256)] string CurrentPassword,
    [property: Required, MaxLength(256)] string NewPassword);

public sealed record EnableMfaRequest([property: Required, MaxLength(64)] string Code);

/// Turning the second factor off asks for the password again: a session left open is not enough.
public sealed record DisableMfaRequest([property: Required, MaxLength(256)] string Password);

public sealed record SignInResponse(string UserName, bool MustChangePassword, bool SecondFactorRequired = false);

public sealed record MfaStatusResponse(bool Enabled, int RecoveryCodesLeft, bool RequiredByRole);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/sign-in", SignIn).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/sign-in/second-factor", SecondFactor).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/sign-out", SignOut).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapPost("/sign-out-everywhere", SignOutEverywhere).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapPost("/change-password", ChangePassword).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapGet("/mfa", MfaStatus).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapPost("/mfa/authenticator", AuthenticatorKey).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapPost("/mfa/enable", EnableMfa).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapPost("/mfa/recovery-codes", NewRecoveryCodes).RequireAuthorization(Platform.Security.Policies.SignedIn);
        group.MapPost("/mfa/disable", DisableMfa).RequireAuthorization(Platform.Security.Policies.SignedIn);
        return endpoints;
    }

    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SignIn(SignInRequest request, SignInFlow flow, HttpContext http) =>
        Answer(await flow.SignInAsync(http, request.UserName, request.Password), request.UserName);

    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SecondFactor(
        SecondFactorRequest request, SignInFlow flow, SignInManager<Account> signIn, HttpContext http)
    {
        var pending = await signIn.GetTwoFactorAuthenticationUserAsync();
        var outcome = await flow.SecondFactorAsync(http, request.Code, request.RecoveryCode);
        return outcome switch
        {
            SignInOutcome.Failed => TypedResults.Problem("The code is wrong, or the sign-in has expired: sign in with your password again.", statusCode: StatusCodes.Status401Unauthorized),
            // The password was right, so saying the account is locked tells nothing new.
            SignInOutcome.LockedOut => TypedResults.Problem("The account is locked for a while after too many failed sign-ins.", statusCode: StatusCodes.Status401Unauthorized),
            _ => Answer(outcome, pending?.UserName ?? ""),
        };
    }

    private static Results<Ok<SignInResponse>, ProblemHttpResult> Answer(SignInOutcome outcome, string userName) => outcome switch
    {
        SignInOutcome.SignedIn => TypedResults.Ok(new SignInResponse(userName, false)),
        SignInOutcome.MustChangePassword => TypedResults.Ok(new SignInResponse(userName, true)),
        SignInOutcome.SecondFactorRequired => TypedResults.Ok(new SignInResponse(userName, false, SecondFactorRequired: true)),
        // A locked account reads like a wrong password: otherwise six tries would tell who has an account.
        _ => TypedResults.Problem(WrongCredentials, statusCode: StatusCodes.Status401Unauthorized),
    };

    public const string WrongCredentials = "The user name or password is wrong, or the account is locked for a while after too many failed sign-ins.";

    private static async Task<NoContent> SignOut(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutEverywhere(UserManager<Account> users, SignInManager<Account> signIn, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is { } account)
        {
            await users.SignOutEverywhereAsync(account);
        }

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

    private static async Task<Results<Ok<MfaStatusResponse>, UnauthorizedHttpResult>> MfaStatus(UserManager<Account> users, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } account)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(new MfaStatusResponse(account.TwoFactorEnabled, await users.CountRecoveryCodesAsync(account),
            http.User.HasClaim(MfaPolicy.ClaimType, "true")));
    }

    private static async Task<Results<Ok<AuthenticatorSetup>, UnauthorizedHttpResult, ProblemHttpResult>> AuthenticatorKey(
        UserManager<Account> users, Authenticator authenticator, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } account)
        {
            return TypedResults.Unauthorized();
        }

        return account.TwoFactorEnabled
            ? TypedResults.Problem("Two-factor sign-in is already on. Turn it off first to enrol another app.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(await authenticator.SetupAsync(account));
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, UnauthorizedHttpResult, ValidationProblem, ProblemHttpResult>> EnableMfa(
        EnableMfaRequest request, UserManager<Account> users, Authenticator authenticator, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } account)
        {
            return TypedResults.Unauthorized();
        }

        if (account.TwoFactorEnabled)
        {
            return TypedResults.Problem("Two-factor sign-in is already on.", statusCode: StatusCodes.Status409Conflict);
        }

        return await authenticator.EnableAsync(account, request.Code) is { } codes
            ? TypedResults.Ok(new RecoveryCodesResponse(codes))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(EnableMfaRequest.Code)] = ["The code does not match. Check the time on your phone and try the next code."] });
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, UnauthorizedHttpResult, ProblemHttpResult>> NewRecoveryCodes(
        UserManager<Account> users, Authenticator authenticator, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } account)
        {
            return TypedResults.Unauthorized();
        }

        return account.TwoFactorEnabled
            ? TypedResults.Ok(new RecoveryCodesResponse(await authenticator.NewRecoveryCodesAsync(account)))
            : TypedResults.Problem("Two-factor sign-in is off: there are no recovery codes.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, ValidationProblem>> DisableMfa(
        DisableMfaRequest request, UserManager<Account> users, AccountActions actions, SignInManager<Account> signIn, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } account)
        {
            return TypedResults.Unauthorized();
        }

        if (!(await signIn.CheckPasswordSignInAsync(account, request.Password, lockoutOnFailure: true)).Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(DisableMfaRequest.Password)] = ["Incorrect password."] });
        }

        await actions.ResetMfaAsync(account);
        await signIn.RefreshSignInAsync(account);
        return TypedResults.NoContent();
    }
}
