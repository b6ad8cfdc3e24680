using Isms.Core.Calendars;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Isms.Web.Platform.Time;

public static class TimeSetup
{
    public const string DefaultZone = "Asia/Taipei";

    public static IServiceCollection AddIsmsTime(this IServiceCollection services, IConfiguration configuration)
    {
        // TryAdd: a test may put its own clock in first.
        services.TryAddSingleton(TimeProvider.System);
        var zoneId = configuration["Isms:TimeZone"] ?? DefaultZone;
        services.AddSingleton(new AgencyTime(TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
        services.AddScoped<Today>();
        return services;
    }
}

/// The agency's calendar date and instant for the current request, read once from TimeProvider.
public sealed class Today(TimeProvider clock, AgencyTime agency)
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public DateOnly Date => agency.DateAt(Now);
}
