namespace Isms.Web.Features.People;

public static class PeopleSetup
{
    /// A CSV of a few thousand persons is larger than the default request limit of 1 MiB.
    public const long MaxImportBytes = 16 * 1024 * 1024;

    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PersonWrites>();
        services.AddScoped<PersonCsv>();
        services.AddScoped<Platform.Demo.IDemoData, PeopleDemoData>();
        return services;
    }
}
