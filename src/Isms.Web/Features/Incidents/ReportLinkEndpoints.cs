using Microsoft.AspNetCore.Http.HttpResults;

namespace Isms.Web.Features.Incidents;

public static class ReportLinkEndpoints
{
    /// The API of the "Report without an account" page: 202 whatever address is sent.
    public static IEndpointRouteBuilder MapReportLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/incidents/report-links", Request).WithTags("Incidents").AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Request(ReportLinkRequest input, HttpContext context, ReportLinks links, ReportLinkLimits limits, CancellationToken ct)
    {
        if (limits.Refuse(context, input.Email) is { } wait)
        {
            return ReportLinkLimits.TooManyProblem(context, wait);
        }

        await links.RequestAsync(input.Email, ct);
        return TypedResults.Accepted((string?)null);
    }
}
