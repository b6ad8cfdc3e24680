using Isms.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Isms.Web.Features.Accounts;

/// Holds a signed-in account at one page until it has done what it must do first: choose its own
/// password (after a one-time password), then enrol a second factor (when a role it holds requires
/// one). Every other page redirects there; every other API call answers 403 with problem details.
public static class AccountGates
{
    private static readonly string[] AlwaysOpen = ["/Accounts/SignOut", "/Accounts/Language", "/api/v1/auth", "/health", "/css", "/js", "/Status", "/Error"];

    public const string PasswordChangeRequiredType = ProblemSetup.TypeBase + "password-change-required";
    public const string MfaEnrolmentRequiredType = ProblemSetup.TypeBase + "mfa-enrolment-required";

    /// The rate limits, then the gates; after authentication, before authorization.
    public static IApplicationBuilder UseAccountGates(this IApplicationBuilder app)
    {
        app.UseSignInRateLimits();
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!AlwaysOpen.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                if (context.User.HasClaim(AccountClaimsFactory.MustChangePassword, "true")
                    && !path.StartsWithSegments("/Accounts/ChangePassword", StringComparison.OrdinalIgnoreCase))
                {
                    await HoldAsync(context, "/Accounts/ChangePassword", PasswordChangeRequiredType, "The password must be changed before anything else.");
                    return;
                }

                if (context.User.HasClaim(AccountClaimsFactory.MustEnrolMfa, "true")
                    && !context.User.HasClaim(AccountClaimsFactory.MustChangePassword, "true")
                    && !path.StartsWithSegments("/Accounts/Mfa", StringComparison.OrdinalIgnoreCase))
                {
                    await HoldAsync(context, "/Accounts/Mfa/Enrol", MfaEnrolmentRequiredType,
                        "A role of this account requires two-factor sign-in: enrol an authenticator app (POST /api/v1/auth/mfa/authenticator) before anything else.");
                    return;
                }
            }

            await next(context);
        });
    }

    private static async Task HoldAsync(HttpContext context, string page, string type, string title)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(page);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Type = type, Title = title, Status = StatusCodes.Status403Forbidden },
        });
    }
}
