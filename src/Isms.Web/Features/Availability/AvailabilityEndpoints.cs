using Isms.Core.Calendars;
using Isms.Web.Features.Availability.Probing;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

public static class AvailabilityEndpoints
{
    private const string Base = "/api/v1/availability";

    public static IEndpointRouteBuilder MapAvailability(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup(Base).WithTags("Availability").RequireAuthorization(Policies.RecordsRead);
        read.MapGet("/status", async (AvailabilityReads reads, CancellationToken ct) => TypedResults.Ok(await reads.StatusAsync(ct)));
        read.MapGet("/services", async (AvailabilityCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ServicesAsync(ct)));
        read.MapGet("/services/{id:int}", Figures);
        read.MapGet("/figures", AllFigures);
        read.MapGet("/outages", Outages);
        read.MapGet("/outages/{id:int}", async Task<Results<Ok<OutageResponse>, NotFound>> (int id, OutageRecords records, CancellationToken ct) =>
            await records.FindAsync(id, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound());
        read.MapGet("/maintenance", Maintenance);
        read.MapGet("/settings", async (AvailabilitySettings settings, CancellationToken ct) => TypedResults.Ok(AvailabilitySettingsResponse.Of(await settings.CurrentAsync(ct))));

        var detail = endpoints.MapGroup(Base).WithTags("Availability").RequireAuthorization(Policies.AvailabilityDetail);
        detail.MapGet("/monitors", async ([FromQuery] int? serviceId, AvailabilityCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.MonitorsAsync(serviceId, ct)));
        detail.MapGet("/monitors/{id:int}", async Task<Results<Ok<MonitorResponse>, NotFound>> (int id, AvailabilityCatalog catalog, CancellationToken ct) =>
            await catalog.MonitorAsync(id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound());
        detail.MapGet("/services/{id:int}/monitors", async (int id, AvailabilityReads reads, CancellationToken ct) => TypedResults.Ok(await reads.MonitorStatusAsync(id, ct)));

        var manage = endpoints.MapGroup(Base).WithTags("Availability").RequireAuthorization(Policies.AvailabilityManage);
        manage.MapPost("/services", async (ServiceInput input, AvailabilityCatalog catalog, CancellationToken ct) =>
        {
            var created = await catalog.SaveServiceAsync(null, input, ct);
            return TypedResults.Created($"{Base}/services/{created.Id}", created);
        });
        manage.MapPut("/services/{id:int}", async (int id, ServiceInput input, AvailabilityCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.SaveServiceAsync(id, input, ct)));
        manage.MapPost("/monitors", async (MonitorInput input, AvailabilityCatalog catalog, CancellationToken ct) =>
        {
            var created = await catalog.SaveMonitorAsync(null, input, ct);
            return TypedResults.Created($"{Base}/monitors/{created.Id}", created);
        });
        manage.MapPut("/monitors/{id:int}", async (int id, MonitorInput input, AvailabilityCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.SaveMonitorAsync(id, input, ct)));
        manage.MapPost("/monitors/{id:int}/push-token", async (int id, AvailabilityCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.RenewPushTokenAsync(id, ct)));
        manage.MapPost("/outages", async (OutageInput input, OutageRecords records, CancellationToken ct) =>
        {
            var created = await records.RecordAsync(input, ct);
            return TypedResults.Created($"{Base}/outages/{created.Id}", created);
        });
        manage.MapPut("/outages/{id:int}", async (int id, OutageChangeInput input, OutageRecords records, CancellationToken ct) => TypedResults.Ok(await records.ChangeAsync(id, input, ct)));
        manage.MapPost("/outages/{id:int}/confirm", async (int id, VersionInput input, OutageRecords records, CancellationToken ct) => TypedResults.Ok(await records.ConfirmAsync(id, input.Version, ct)));
        manage.MapPost("/outages/{id:int}/not-service-fault", async (int id, OutageReasonInput input, OutageRecords records, CancellationToken ct) =>
            TypedResults.Ok(await records.NotServiceFaultAsync(id, input, notServiceFault: true, ct)));
        manage.MapPost("/outages/{id:int}/service-fault", async (int id, OutageReasonInput input, OutageRecords records, CancellationToken ct) =>
            TypedResults.Ok(await records.NotServiceFaultAsync(id, input, notServiceFault: false, ct)));
        manage.MapPost("/maintenance", async (MaintenanceInput input, MaintenanceWindows windows, CancellationToken ct) =>
        {
            var created = await windows.AnnounceAsync(null, input, ct);
            return TypedResults.Created($"{Base}/maintenance/{created.Id}", created);
        });
        manage.MapPut("/maintenance/{id:int}", async (int id, MaintenanceInput input, MaintenanceWindows windows, CancellationToken ct) => TypedResults.Ok(await windows.AnnounceAsync(id, input, ct)));
        manage.MapDelete("/maintenance/{id:int}", async (int id, MaintenanceWindows windows, CancellationToken ct) =>
        {
            await windows.CancelAsync(id, ct);
            return TypedResults.NoContent();
        });
        manage.MapPut("/settings", async (AvailabilitySettingsInput input, AvailabilitySettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ChangeAsync(input, ct)));

        // The heartbeat: the token is the credential, so no sign-in; GET too, for the simplest cron job.
        var push = endpoints.MapGroup(Base + "/push").WithTags("Availability").AllowAnonymous().DisableAntiforgery();
        push.MapMethods("/{token}", ["GET", "POST"], Beat);
        return endpoints;
    }

    private static async Task<Results<Ok<ServiceFiguresResponse>, NotFound>> Figures(
        int id, [AsParameters] FigureQuery query, AvailabilityReads reads, AgencyTime agency, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        await reads.FiguresAsync(id, query.ToPeriod().Resolve(agency, clock.GetUtcNow(), text), ct) is { } figures ? TypedResults.Ok(figures) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<ServiceFiguresResponse>>> AllFigures(
        [AsParameters] FigureQuery query, AvailabilityReads reads, AgencyTime agency, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        TypedResults.Ok(await reads.AllFiguresAsync(query.ToPeriod().Resolve(agency, clock.GetUtcNow(), text), ct));

    private static async Task<Ok<IReadOnlyList<OutageResponse>>> Outages(
        [FromQuery] int? serviceId, [AsParameters] FigureQuery query, OutageRecords records, AgencyTime agency, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var period = query.ToPeriod().Resolve(agency, clock.GetUtcNow(), text);
        return TypedResults.Ok(await records.ListAsync(serviceId, period.Start, period.End, ct));
    }

    private static async Task<Ok<IReadOnlyList<MaintenanceResponse>>> Maintenance(
        [FromQuery] int? serviceId, [AsParameters] FigureQuery query, MaintenanceWindows windows, AgencyTime agency, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var period = query.ToPeriod().Resolve(agency, clock.GetUtcNow(), text);
        return TypedResults.Ok(await windows.ListAsync(serviceId, period.Start, period.End, ct));
    }

    private static async Task<Results<NoContent, NotFound>> Beat(string token, Data.IsmsDbContext db, TimeProvider clock, CancellationToken ct) =>
        token.StartsWith(PushTokens.Prefix, StringComparison.Ordinal) && token.Length < 100
            && await new ProbeLeases(db).BeatAsync(PushTokens.HashOf(token), clock.GetUtcNow(), ct)
            ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// ?from=&to= (dates or instants) or ?period=day|month|halfyear|year&date=; see FigurePeriod.
public sealed record FigureQuery
{
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "period")]
    public string? Period { get; init; }

    [FromQuery(Name = "date")]
    public DateOnly? Date { get; init; }

    public FigurePeriod ToPeriod() => new(From, To, Period, Date);
}
