using Isms.Web.Data;
using Isms.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.People;

public static class PersonReads
{
    public static IQueryable<PersonResponse> Project(this IQueryable<Person> people, DateOnly today) =>
        people.Select(p => new PersonResponse(
            p.Id,
            p.EmployeeNumber,
            p.FullName,
            p.Email,
            p.Kind,
            p.UnitId,
            p.Unit!.Code,
            p.Unit.Name,
            p.VendorId,
            p.Vendor == null ? null : p.Vendor.Name,
            p.JobFunction,
            p.Phone,
            p.ActiveFrom,
            p.ActiveTo,
            p.ActiveFrom <= today && (p.ActiveTo == null || p.ActiveTo >= today), // ActiveOn.Day, inlined: a projection cannot call it
            p.Account == null ? null : p.Account.UserName,
            p.Clearance,
            p.AgreementSigned,
            p.Version,
            p.CreatedAt,
            p.UpdatedAt));

    public static async Task<Page<PersonResponse>> SearchAsync(IsmsDbContext db, IQueryable<Person> visible, PersonQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        var filtered = await query.FilterAsync(db, visible, today, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await query.Order(filtered)
            .Skip((query.PageNumber - 1) * query.Size)
            .Take(query.Size)
            .Project(today)
            .ToListAsync(cancellationToken);
        return new Page<PersonResponse>(items, total, query.PageNumber, query.Size);
    }

    public static Task<PersonResponse?> FindAsync(IQueryable<Person> visible, int id, DateOnly today, CancellationToken cancellationToken) =>
        visible.AsNoTracking().Where(p => p.Id == id).Project(today).SingleOrDefaultAsync(cancellationToken);
}
