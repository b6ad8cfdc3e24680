using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Accounts;

/// How long a session lives: an idle timeout that slides with use, an absolute end counted from the
/// sign-in, and an end as soon as the account's security stamp changes (password, roles, MFA,
/// "sign out everywhere", an administrator's reset).
public static class SessionLifetime
{
    /// In the ticket's properties rather than as a claim: Identity rebuilds the principal on every
    /// security stamp check and on refresh, but keeps the properties.
    private const string SignedInAtKey = "isms.signed_in_at";

    public static void Configure(CookieAuthenticationOptions options, IConfiguration configuration)
    {
        options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Isms:Session:IdleMinutes", 30));
        options.SlidingExpiration = true;
        var absolute = AbsoluteLifetime(configuration);

        options.Events.OnSigningIn = context =>
        {
            if (!context.Properties.Items.ContainsKey(SignedInAtKey))
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items[SignedInAtKey] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        };

        // Identity's own handler checks the security stamp; the absolute end is checked first.
        var checkStamp = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var ticks)
                || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var signedInTicks)
                || now - new DateTimeOffset(signedInTicks, TimeSpan.Zero) > absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            // Identity's check builds a sign-in manager and a user manager for every request before
            // it looks whether the stamp is due; that showed in profiles of every API call. The
            // same test as its own comes first here, on its own clock.
            var stamp = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
            if (context.Properties.IssuedUtc is { } issued && (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued <= stamp.ValidationInterval)
            {
                return;
            }

            await checkStamp(context);
        };
    }

    public static TimeSpan AbsoluteLifetime(IConfiguration configuration) =>
        TimeSpan.FromHours(configuration.GetValue("Isms:Session:AbsoluteHours", 12.0));

    /// How often a session's security stamp is compared with the account's. Zero checks every request.
    public static TimeSpan StampCheckInterval(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Isms:Session:StampCheckSeconds", 60.0));
}
