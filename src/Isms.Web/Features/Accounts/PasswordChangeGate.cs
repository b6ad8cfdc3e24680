namespace Isms.Web.Features.Accounts;

/// Holds an account with a one-time password on the change-password page: every other page and
/// endpoint answers as if it did not exist until the password is changed.
public static class PasswordChangeGate
{
    private static readonly string[] Open = ["/Accounts/ChangePassword", "/Accounts/SignOut", "/api/v1/auth", "/health", "/css", "/js"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(AccountClaimsFactory.MustChangePassword, "true")
            && !Open.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { title = "The password must be changed before anything else.", status = 403 });
                return;
            }

            context.Response.Redirect("/Accounts/ChangePassword");
            return;
        }

        await next(context);
    });
}
