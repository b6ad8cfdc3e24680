namespace Isms.Web.Features.Organisation;

public static class OrganisationSetup
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services) => services.AddScoped<OrganisationWrites>().AddSingleton<UnitNames>();
}
