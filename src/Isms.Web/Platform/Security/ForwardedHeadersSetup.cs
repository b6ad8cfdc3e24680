using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Isms.Web.Platform.Security;

/// Behind a reverse proxy that ends TLS, the app learns the client's address and the original
/// scheme from X-Forwarded-For and X-Forwarded-Proto, but only from the proxies named in
/// Isms:ForwardedHeaders:KnownProxies (addresses) or KnownNetworks (CIDR): a header from anyone
/// else is ignored, so a client cannot fake its address to dodge rate limits or the audit trail.
public static class ForwardedHeadersSetup
{
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection("Isms:ForwardedHeaders:KnownProxies").Get<string[]>() is { Length: > 0 }
        || configuration.GetSection("Isms:ForwardedHeaders:KnownNetworks").Get<string[]>() is { Length: > 0 };

    public static IServiceCollection AddIsmsForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("Isms:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Isms:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            options.ForwardLimit = configuration.GetValue("Isms:ForwardedHeaders:ForwardLimit", 1);
        });
        return services;
    }
}
