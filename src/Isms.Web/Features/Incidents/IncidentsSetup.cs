using Isms.Core.Calendars;
using Isms.Web.Features.Incidents.Sanctions;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

public static class IncidentsSetup
{
    private const string Number = "{number:length(14)}";

    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<LevelPreview>();
        services.AddScoped<SecurityReports>();
        services.AddScoped<ReportIntake>();
        services.AddScoped<IncidentHandling>();
        services.AddScoped<Platform.Demo.IDemoData, IncidentsDemoData>();
        services.AddScoped<ImprovementReports>();
        services.AddSingleton<Platform.Pdf.PdfPrinter>();
        services.AddScoped<SanctionRecords>();
        services.AddScoped<ReportFiles>();
        services.AddScoped<ReportLinks>();
        services.AddSingleton<ReportLinkLimits>();
        services.AddSingleton<IncidentClock>();
        services.AddScoped<IncidentDeadlineAlerts>();
        services.AddSingleton<IncidentDeadlineJob>();
        services.AddHostedService(provider => provider.GetRequiredService<IncidentDeadlineJob>());
        return services;
    }

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder endpoints)
    {
        // Everyone in scope reports, and reads back their own reports.
        var channel = endpoints.MapGroup("/api/v1/incidents/reports").WithTags("Incidents").RequireAuthorization(Policies.RecordsRead);
        channel.MapPost("/", async (ReportInput input, ReportIntake reports, CancellationToken ct) =>
        {
            var created = await reports.SubmitAsync(input, ct);
            return TypedResults.Created($"/api/v1/incidents/reports/{created.Number}", created);
        });
        channel.MapGet("/mine", async (SecurityReports reports, CancellationToken ct) => TypedResults.Ok(await reports.MineAsync(ct)));
        channel.MapGet($"/{Number}", async Task<Results<Ok<object>, NotFound>> (string number, SecurityReports reports, CancellationToken ct) =>
            await reports.FindAsync(number, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());

        var read = endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.IncidentsRead);
        read.MapGet("/reports", async ([AsParameters] ReportFilter filter, SecurityReports reports, CancellationToken ct) => TypedResults.Ok(await reports.ListAsync(filter, ct)));

        read.MapGet($"/reports/{Number}/details", async Task<Results<Ok<IncidentDetailsResponse>, NotFound>> (string number, IncidentHandling handling, CancellationToken ct) =>
            await handling.DetailsAsync(number, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound());
        read.MapGet($"/reports/{Number}/improvement-report.pdf", async Task<Results<FileContentHttpResult, NotFound>> (string number, string? lang, ImprovementReports documents, CancellationToken ct) =>
            await documents.PdfAsync(number, ImprovementReports.Language(lang) ?? System.Globalization.CultureInfo.CurrentUICulture, ct) is { } pdf
                ? TypedResults.File(pdf, "application/pdf", $"{number}-improvement-report.pdf")
                : TypedResults.NotFound());

        var approve = endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.IncidentsApprove);
        approve.MapPost($"/reports/{Number}/closure-decision", async (string number, ClosureDecisionInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.DecideClosureAsync(number, input, ct)));

        var objective = endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.IncidentsObjective);
        objective.MapGet("/objective", Objective);

        // The security officer triages and grades; the preview follows the form as it is filled in.
        var triage = endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.IncidentsTriage);
        triage.MapPost("/level-preview", (LevelPreviewRequest request, LevelPreview preview) => TypedResults.Ok(preview.Preview(request)));
        triage.MapPost($"/reports/{Number}/reject", async (string number, RejectInput input, SecurityReports reports, CancellationToken ct) => TypedResults.Ok(await reports.RejectAsync(number, input, ct)));
        triage.MapPut($"/reports/{Number}/times", async (string number, HandlingTimesInput input, SecurityReports reports, CancellationToken ct) => TypedResults.Ok(await reports.TimesAsync(number, input, ct)));
        triage.MapPost($"/reports/{Number}/confirm", async (string number, ConfirmInput input, SecurityReports reports, CancellationToken ct) => TypedResults.Ok(await reports.ConfirmAsync(number, input, ct)));
        triage.MapPost($"/reports/{Number}/corrective-action", async (string number, CorrectiveActionInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.ActionAsync(number, input, ct)));
        triage.MapPost($"/reports/{Number}/timeline", async (string number, TimelineInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.AddTimelineAsync(number, input, ct)));
        triage.MapPost($"/reports/{Number}/tasks", async (string number, TaskInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.AddTaskAsync(number, input, ct)));
        triage.MapPost($"/reports/{Number}/tasks/{{taskId:int}}/done", async (string number, int taskId, TaskDoneInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.TaskDoneAsync(number, taskId, input, ct)));
        triage.MapPut($"/reports/{Number}/investigation", async (string number, InvestigationInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.InvestigationAsync(number, input, ct)));
        triage.MapPut($"/reports/{Number}/drill", async (string number, DrillResultsInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.DrillResultsAsync(number, input, ct)));
        triage.MapPost($"/reports/{Number}/closure-request", async (string number, ClosureRequestInput input, IncidentHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.RequestClosureAsync(number, input, ct)));
        endpoints.MapSanctions();
        endpoints.MapReportFiles();
        endpoints.MapReportLinks();
        return endpoints;
    }

    private static async Task<Ok<ObjectiveResponse>> Objective(int? year, int? half, SecurityReports reports, AgencyTime agency, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var today = agency.DateAt(clock.GetUtcNow());
        var errors = new Platform.Errors.FieldErrors();
        if (year is < 2000 or > 2100)
        {
            errors.Add(nameof(year), text["Give a year from 2000 to 2100."]);
        }

        if (half is not (null or 1 or 2))
        {
            errors.Add(nameof(half), text["A half year is 1 or 2."]);
        }

        errors.ThrowIfAny();
        var which = year is null && half is null ? HalfYear.Of(today) : new HalfYear(year ?? today.Year, half ?? 1);
        return TypedResults.Ok(await reports.ObjectiveAsync(which, ct));
    }
}
