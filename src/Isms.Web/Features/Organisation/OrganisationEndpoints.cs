using Isms.Web.Data;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Organisation;

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1").WithTags("Organisation").RequireAuthorization(Policies.PeopleRead);
        read.MapGet("/units", ListUnits);
        read.MapGet("/units/{id:int}", GetUnit);
        read.MapGet("/vendors", ListVendors);
        read.MapGet("/vendors/{id:int}", GetVendor);
        read.MapGet("/responsibilities", ListResponsibilities);

        var write = endpoints.MapGroup("/api/v1").WithTags("Organisation").RequireAuthorization(Policies.PeopleWrite);
        write.MapPost("/units", async (UnitInput input, OrganisationWrites writes, CancellationToken ct) =>
        {
            var unit = await writes.SaveUnitAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/units/{unit.Id}", unit.ToResponse());
        });
        write.MapPut("/units/{id:int}", async (int id, UnitInput input, OrganisationWrites writes, CancellationToken ct) =>
            TypedResults.Ok((await writes.SaveUnitAsync(id, input, ct)).ToResponse()));
        write.MapPost("/vendors", async (VendorInput input, OrganisationWrites writes, CancellationToken ct) =>
        {
            var vendor = await writes.SaveVendorAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/vendors/{vendor.Id}", vendor.ToResponse());
        });
        write.MapPut("/vendors/{id:int}", async (int id, VendorInput input, OrganisationWrites writes, CancellationToken ct) =>
            TypedResults.Ok((await writes.SaveVendorAsync(id, input, ct)).ToResponse()));
        write.MapPost("/responsibilities", async (ResponsibilityInput input, OrganisationWrites writes, IsmsDbContext db, CancellationToken ct) =>
        {
            var created = await writes.AssignAsync(input, ct);
            var response = await db.Set<Responsibility>().Where(r => r.Id == created.Id).ToResponses().SingleAsync(ct);
            return TypedResults.Created($"/api/v1/responsibilities/{created.Id}", response);
        });
        write.MapPost("/responsibilities/{id:int}/end", async (int id, OrganisationWrites writes, Today today, CancellationToken ct) =>
        {
            await writes.EndAsync(id, today.Date, ct);
            return TypedResults.NoContent();
        });
        return endpoints;
    }

    private static async Task<Ok<List<UnitResponse>>> ListUnits(IsmsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Code)
            .Select(u => new UnitResponse(u.Id, u.Code, u.Name, u.NameZh, u.Kind, u.ParentId, u.Location, u.IsActive, u.Version)).ToListAsync(ct));

    private static async Task<Results<Ok<UnitResponse>, NotFound>> GetUnit(int id, IsmsDbContext db, CancellationToken ct) =>
        await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) is { } unit ? TypedResults.Ok(unit.ToResponse()) : TypedResults.NotFound();

    private static async Task<Ok<List<VendorResponse>>> ListVendors(IsmsDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<Vendor>().AsNoTracking().OrderBy(v => v.Name).ToListAsync(ct)).Select(v => v.ToResponse()).ToList());

    private static async Task<Results<Ok<VendorResponse>, NotFound>> GetVendor(int id, IsmsDbContext db, CancellationToken ct) =>
        await db.Set<Vendor>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is { } vendor ? TypedResults.Ok(vendor.ToResponse()) : TypedResults.NotFound();

    private static async Task<Ok<List<ResponsibilityResponse>>> ListResponsibilities(int? unitId, int? personId, IsmsDbContext db, CancellationToken ct)
    {
        var query = db.Set<Responsibility>().AsNoTracking();
        if (unitId is { } u)
        {
            query = query.Where(r => r.UnitId == u);
        }

        if (personId is { } p)
        {
            query = query.Where(r => r.PersonId == p);
        }

        return TypedResults.Ok(await query.OrderBy(r => r.Unit!.Name).ThenBy(r => r.Kind).ToResponses().ToListAsync(ct));
    }

    /// The projection to the response; filter and order the entities before it, because a filter
    /// on the record's properties cannot be translated to SQL.
    public static IQueryable<ResponsibilityResponse> ToResponses(this IQueryable<Responsibility> responsibilities) =>
        responsibilities.AsNoTracking().Select(r => new ResponsibilityResponse(
            r.Id, r.PersonId, r.Person!.FullName, r.UnitId, r.Unit!.Name, r.Kind, r.From, r.To));
}
