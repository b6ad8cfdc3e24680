using Isms.Web.Data;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Calendar;

public sealed record CalendarYearResponse(int Year, int WorkingDays, string Source, string SourceSha256, DateTimeOffset ImportedAt);

public sealed record CalendarDayResponse(DateOnly Date, bool DayOff, string Remark);

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/years", Years);
        read.MapGet("/years/{year:int}", Days);
        read.MapGet("/closures", Closures);

        var write = endpoints.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireAuthorization(Policies.CalendarWrite);
        write.MapPost("/years", Import).Accepts<string>("text/csv", "multipart/form-data", "application/octet-stream").DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CalendarImport.MaxFileBytes + 4096));
        write.MapPost("/closures", Declare);
        write.MapDelete("/closures/{id:guid}", Withdraw);
        return endpoints;
    }

    private static async Task<Ok<List<CalendarYearResponse>>> Years(IsmsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year)
            .Select(y => new CalendarYearResponse(y.Year, y.WorkingDays, y.Source, y.SourceSha256, y.ImportedAt)).ToListAsync(ct));

    private static async Task<Results<Ok<List<CalendarDayResponse>>, NotFound>> Days(int year, WorkingCalendars calendars, CancellationToken ct)
    {
        var set = await calendars.LoadAsync(ct);
        return set.OfficeYears.FirstOrDefault(y => y.Year == year) is { } found
            ? TypedResults.Ok(found.Days.Select(d => new CalendarDayResponse(d.Date, d.DayOff, d.Remark)).ToList())
            : TypedResults.NotFound();
    }

    private static async Task<Ok<IReadOnlyList<ClosureResponse>>> Closures(int? year, IsmsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ClosureWrites.ListAsync(db, year, ct));

    private static async Task<Results<Ok<CalendarImportResult>, ProblemHttpResult>> Import(HttpRequest request, CalendarImport import, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files is { Count: > 0 } files ? files[0] : null : null;
        await using var body = file?.OpenReadStream() ?? request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        var result = await import.ImportAsync(file?.FileName ?? "api upload", buffer.ToArray(), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(result);
        }

        return TypedResults.Problem(
            title: $"Nothing was imported: {result.Errors.Select(e => e.Line).Distinct().Count()} line(s) are invalid.",
            statusCode: StatusCodes.Status400BadRequest,
            type: Platform.Errors.ProblemSetup.TypeBase + "invalid-calendar",
            extensions: new Dictionary<string, object?> { ["lines"] = result.Errors });
    }

    private static async Task<Created<ClosureResponse>> Declare(ClosureInput input, ClosureWrites writes, IsmsDbContext db, CancellationToken ct)
    {
        var id = await writes.DeclareAsync(input, ct);
        var declared = (await ClosureWrites.ListAsync(db, input.Date!.Value.Year, ct)).Single(c => c.DeclarationId == id);
        return TypedResults.Created($"/api/v1/calendar/closures/{id}", declared);
    }

    private static async Task<Results<NoContent, NotFound>> Withdraw(Guid id, ClosureWrites writes, CancellationToken ct) =>
        await writes.WithdrawAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
