using Isms.Web.Features.Calendar;
using Isms.Web.Platform.ReferenceData;

namespace Isms.Web.Features.ServiceDesk;

public static class ServiceDeskSetup
{
    public static IServiceCollection AddServiceDesk(this IServiceCollection services)
    {
        services.AddScoped<QaFormAccess>();
        services.AddScoped<QaFormWrites>();
        services.AddScoped<QaFormHandling>();
        services.AddScoped<QaFormReads>();
        services.AddScoped<QaAttachments>();
        services.AddScoped<QaCategories>();
        services.AddScoped<QaNotifications>();
        services.AddScoped<QaAchievement>();
        services.AddScoped<ServiceDeskSettings>();
        services.AddSingleton<QaModules>();
        services.AddScoped<ICalendarDependent, QaDueTimes>();
        services.AddScoped<QaDueTimes>();
        services.AddScoped<IReferenceData, ServiceDeskReferenceData>();
        services.AddScoped<Platform.Demo.IDemoData, ServiceDeskDemoData>();
        services.AddSingleton<QaAlertJob>();
        services.AddHostedService(provider => provider.GetRequiredService<QaAlertJob>());
        return services;
    }
}
