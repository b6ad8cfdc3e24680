using Isms.Web.Platform.ReferenceData;

namespace Isms.Web.Features.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<WorkingCalendars>();
        services.AddScoped<CalendarChanges>();
        services.AddScoped<CalendarImport>();
        services.AddScoped<ClosureWrites>();
        services.AddScoped<IReferenceData, ShippedCalendars>();
        return services;
    }
}
