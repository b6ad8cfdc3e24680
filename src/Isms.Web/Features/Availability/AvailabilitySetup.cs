using Isms.Web.Features.Availability.Probing;

namespace Isms.Web.Features.Availability;

public static class AvailabilitySetup
{
    public static IServiceCollection AddAvailability(this IServiceCollection services)
    {
        services.AddScoped<AvailabilityCatalog>();
        services.AddScoped<OutageRecords>();
        services.AddScoped<MaintenanceWindows>();
        services.AddScoped<AvailabilitySettings>();
        services.AddScoped<ServiceHistories>();
        services.AddScoped<AvailabilityReads>();
        services.AddOptions<ProbeEngineOptions>().BindConfiguration("Isms:Availability:Engine");
        services.AddSingleton<NetworkProbeClient>();
        services.AddSingleton<IProbeClient>(provider => provider.GetRequiredService<NetworkProbeClient>());
        services.AddSingleton<ProbeEngine>();
        services.AddHostedService(provider => provider.GetRequiredService<ProbeEngine>());
        services.AddScoped<AvailabilityAlerts>();
        services.AddScoped<ProbeRollups>();
        services.AddScoped<Platform.Demo.IDemoData, AvailabilityDemoData>();
        services.AddSingleton<AvailabilityJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<AvailabilityJobs>());
        return services;
    }
}
