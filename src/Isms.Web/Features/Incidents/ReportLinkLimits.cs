using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Isms.Web.Features.Incidents;

/// How often a link may be asked for, per fixed window (Isms:Incidents:LinkRequestWindowMinutes,
/// 15): per client IP (LinkRequestsPerIp, 5) and per address typed (LinkRequestsPerAddress, 5), so
/// that the public page can neither flood a mailbox nor be used to try address after address.
public sealed class ReportLinkLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public ReportLinkLimits(IConfiguration configuration)
    {
        _window = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Isms:Incidents:LinkRequestWindowMinutes", 15)));
        var perIp = Math.Max(1, configuration.GetValue("Isms:Incidents:LinkRequestsPerIp", 5));
        var perAddress = Math.Max(1, configuration.GetValue("Isms:Incidents:LinkRequestsPerAddress", 5));
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("ip:", StringComparison.Ordinal) ? perIp : perAddress,
            Window = _window,
            QueueLimit = 0,
        }));
    }

    /// Null when the request may go on, else how long to wait.
    public TimeSpan? Refuse(HttpContext context, string? email)
    {
        foreach (var key in new[] { "ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None), "address:" + Person.NormalizeEmail(email) })
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
            }
        }

        return null;
    }

    /// The 429 of a refused request, with Retry-After, as the app's other limits answer it.
    public static int TooMany(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return StatusCodes.Status429TooManyRequests;
    }

    public static ProblemHttpResult TooManyProblem(HttpContext context, TimeSpan retryAfter) => TypedResults.Problem(new ProblemDetails
    {
        Type = RateLimits.TooManyRequestsType,
        Title = "Too many requests. Wait before trying again.",
        Status = TooMany(context, retryAfter),
        Detail = $"Try again in {context.Response.Headers.RetryAfter} seconds.",
    });

    public void Dispose() => _limiter.Dispose();
}
