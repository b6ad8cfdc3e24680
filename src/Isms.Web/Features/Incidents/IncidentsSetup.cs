using Isms.Web.Platform.Security;

namespace Isms.Web.Features.Incidents;

public static class IncidentsSetup
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<LevelPreview>();
        return services;
    }

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder endpoints)
    {
        // The security officer triages and grades; the preview follows the form as it is filled in.
        var triage = endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.IncidentsTriage);
        triage.MapPost("/level-preview", (LevelPreviewRequest request, LevelPreview preview) => TypedResults.Ok(preview.Preview(request)));
        return endpoints;
    }
}
