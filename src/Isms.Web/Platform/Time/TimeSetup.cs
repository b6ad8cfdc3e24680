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
    /// In whole microseconds, the finest PostgreSQL keeps: a record written with it holds in memory
    /// exactly what either database gives back, so an answer built from the record matches a read.
    public DateTimeOffset Now { get; } = WholeMicroseconds.Of(clock.GetUtcNow());

    public DateOnly Date => agency.DateAt(Now);
}
