using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Isms.Web.Platform.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Isms.Web.Features.Accounts;

/// Limits per fixed window (Isms:RateLimits:*): sign-in attempts per client IP and per account name
/// tried (both steps, page and API), and API calls per signed-in account or, for anonymous callers,
/// per IP. A refused request gets 429 with Retry-After; the API adds problem details, pages show
/// the status page.
public sealed record RateLimitSettings
{
    public int WindowSeconds { get; init; } = 60;
    public int SignInPerIp { get; init; } = 30;
    public int SignInPerAccount { get; init; } = 10;
    public int ApiPerAccount { get; init; } = 600;
    public int ApiPerIp { get; init; } = 120;
}

public static class RateLimits
{
    public const string TooManyRequestsType = ProblemSetup.TypeBase + "too-many-requests";
    private const string AccountKey = "isms.sign-in-account";

    private static readonly string[] SignInPaths = ["/api/v1/auth/sign-in", "/Accounts/SignIn", "/Accounts/SignInCode"];

    public static IServiceCollection AddIsmsRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration("Isms:RateLimits");
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitSettings>>((options, configured) =>
        {
            var settings = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context)
                    ? Window("sign-in-ip:" + ClientIp(context), settings.SignInPerIp, settings.WindowSeconds)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context) && context.Items[AccountKey] is string account
                    ? Window("sign-in-account:" + account, settings.SignInPerAccount, settings.WindowSeconds)
                    : RateLimitPartition.GetNoLimiter("")),
                // Sign-in attempts have the two limits above instead.
                PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request.Path.StartsWithSegments("/api/v1") && !IsSignInAttempt(context)
                    ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
                        ? Window("api-account:" + id, settings.ApiPerAccount, settings.WindowSeconds)
                        : Window("api-ip:" + ClientIp(context), settings.ApiPerIp, settings.WindowSeconds)
                    : RateLimitPartition.GetNoLimiter("")));
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease, settings.WindowSeconds);
        });
        return services;
    }

    /// Reads which account a sign-in attempt is for before the limiter decides, since that is in the
    /// request body (first step) or in Identity's two-factor cookie (second step).
    public static IApplicationBuilder UseSignInRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignInAttempt(context) && await AccountTriedAsync(context) is { } account)
            {
                context.Items[AccountKey] = account.ToUpperInvariant();
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsSignInAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && SignInPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static RateLimitPartition<string> Window(string key, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, seconds)),
            QueueLimit = 0,
        });

    private static string ClientIp(HttpContext context) => (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    private static async Task<string?> AccountTriedAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value?.Contains("second-factor", StringComparison.OrdinalIgnoreCase) == true
            || request.Path.StartsWithSegments("/Accounts/SignInCode", StringComparison.OrdinalIgnoreCase))
        {
            var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            var id = pending.Principal?.FindFirstValue(ClaimTypes.Name);
            return id is null ? null : (await context.RequestServices.GetRequiredService<UserManager<Account>>().FindByIdAsync(id))?.UserName;
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form["Input.UserName"].FirstOrDefault();
        }

        if (request.HasJsonContentType())
        {
            request.EnableBuffering();
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                return body.RootElement.ValueKind == JsonValueKind.Object
                    ? body.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("userName", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p ? p.Value.GetString() : null
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
            finally
            {
                request.Body.Position = 0;
            }
        }

        return null;
    }

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, int windowSeconds)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(windowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // The status page explains it in the reader's language (UseStatusCodePagesWithReExecute).
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Type = TooManyRequestsType,
                Title = "Too many requests. Wait before trying again.",
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Try again in {seconds} seconds.",
            },
        });
    }
}
