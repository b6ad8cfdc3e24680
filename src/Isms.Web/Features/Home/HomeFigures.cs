using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Home;

public sealed record KindCount(PersonKind Kind, int Count);

/// The figures on the home page: what the platform holds today, counted from the database.
public sealed record HomeFigures(int ActivePersons, int InactivePersons, int Units, int ActiveVendors, IReadOnlyList<KindCount> ActiveByKind)
{
    public static async Task<HomeFigures> CountAsync(IsmsDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var people = db.Set<Person>().AsNoTracking();
        var active = people.WhereActiveOn(today);
        var byKind = await active.GroupBy(p => p.Kind).Select(g => new KindCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        var total = await people.CountAsync(cancellationToken);
        var activeCount = byKind.Sum(k => k.Count);
        return new HomeFigures(
            activeCount,
            total - activeCount,
            await db.Set<Unit>().CountAsync(u => u.IsActive, cancellationToken),
            await db.Set<Vendor>().CountAsync(v => v.IsActive, cancellationToken),
            byKind.OrderBy(k => k.Kind).ToList());
    }
}

public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/summary", async (IsmsDbContext db, Today today, CancellationToken ct) =>
                TypedResults.Ok(await HomeFigures.CountAsync(db, today.Date, ct)))
            .WithTags("Home").RequireAuthorization(Policies.PeopleRead);
        return endpoints;
    }
}
