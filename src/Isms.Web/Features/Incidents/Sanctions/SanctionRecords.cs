using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Paging;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents.Sanctions;

/// Rewards and punishments (policy VIII.A). Every read starts from the records of the units the
/// caller reaches: the handling unit and auditors all units (unless scope rows narrow them), a
/// manager their unit and its sub-units. Other roles reach no unit, so they would see nothing even
/// if a policy let them in. A record is corrected by an update, never deleted: the audit trail
/// keeps what it said before.
public sealed class SanctionRecords(IsmsDbContext db, Caller caller, Today today, IStringLocalizer<SharedResource> text)
{
    public async Task<Page<SanctionResponse>> ListAsync(SanctionQuery query, CancellationToken cancellationToken)
    {
        var filtered = query.Filter(await ReachableAsync(db.Set<Sanction>().AsNoTracking(), cancellationToken));
        var total = await filtered.CountAsync(cancellationToken);
        var items = await Project(filtered.Skip((query.PageNumber - 1) * query.Size).Take(query.Size)).ToListAsync(cancellationToken);
        return new Page<SanctionResponse>(items, total, query.PageNumber, query.Size);
    }

    // Outside the caller's reach answers exactly like a record that does not exist.
    public async Task<SanctionResponse?> FindAsync(int id, CancellationToken cancellationToken) =>
        await Project((await ReachableAsync(db.Set<Sanction>().AsNoTracking(), cancellationToken)).Where(s => s.Id == id))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<int> SaveAsync(int? id, SanctionInput input, CancellationToken cancellationToken)
    {
        var scope = await caller.ScopeAsync(cancellationToken);
        Sanction sanction;
        if (id is { } existing)
        {
            sanction = await (await ReachableAsync(db.Set<Sanction>(), cancellationToken)).SingleOrDefaultAsync(s => s.Id == existing, cancellationToken)
                ?? throw new RecordNotFoundException(nameof(Sanction), existing);
            if (sanction.Version != input.Version)
            {
                throw new RuleViolationException("sanction.stale", text["Someone else changed this record meanwhile. Reload and try again."], isConflict: true);
            }

            sanction.Version++;
        }
        else
        {
            sanction = new Sanction { Decision = "", DecidedBy = "", RecordedById = scope.AccountId, RecordedAt = today.Now };
        }

        var errors = new FieldErrors();
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == input.PersonId).Select(p => new { p.UnitId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            errors.Add(nameof(input.PersonId), text["The person does not exist."]);
        }
        else if (!scope.CanManageUnit(person.UnitId))
        {
            errors.Add(nameof(input.PersonId), text["You may only record rewards and punishments for people of units in your scope."]);
        }

        if (input.KindValue is null)
        {
            errors.Add(nameof(input.Kind), text["Choose reward or punishment."]);
        }

        if (input.DecidedOn > today.Date)
        {
            errors.Add(nameof(input.DecidedOn), text["The decision cannot be dated in the future."]);
        }

        int? reportId = null;
        if (!string.IsNullOrWhiteSpace(input.Report))
        {
            var number = input.Report.Trim().ToUpperInvariant();
            reportId = await db.Set<SecurityReport>().Where(r => r.Number == number).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (reportId is null)
            {
                errors.Add(nameof(input.Report), text["No report has this number."]);
            }
        }

        errors.ThrowIfAny();
        if (id is null)
        {
            db.Add(sanction);
        }

        // The unit whose managers see the record is the person's when it was recorded; it follows
        // the person only when the record is corrected to name someone else.
        if (id is null || sanction.PersonId != input.PersonId)
        {
            sanction.UnitId = person!.UnitId;
        }

        sanction.PersonId = input.PersonId;
        sanction.Kind = input.KindValue!.Value;
        sanction.Decision = input.Decision.Trim();
        sanction.DecidedOn = input.DecidedOn!.Value;
        sanction.DecidedBy = input.DecidedBy.Trim();
        sanction.ReportId = reportId;
        await db.SaveChangesAsync(cancellationToken);
        return sanction.Id;
    }

    private async Task<IQueryable<Sanction>> ReachableAsync(IQueryable<Sanction> sanctions, CancellationToken cancellationToken)
    {
        var scope = await caller.ScopeAsync(cancellationToken);
        if (scope.AllUnits)
        {
            return sanctions;
        }

        var units = scope.ReadableUnitIds.ToList();
        return sanctions.Where(s => units.Contains(s.UnitId));
    }

    private IQueryable<SanctionResponse> Project(IQueryable<Sanction> sanctions) =>
        from s in sanctions
        join p in db.Set<Person>() on s.PersonId equals p.Id
        join u in db.Set<Unit>() on s.UnitId equals u.Id
        join r in db.Set<SecurityReport>() on s.ReportId equals r.Id into reports
        from r in reports.DefaultIfEmpty()
        select new SanctionResponse(
            s.Id,
            s.PersonId,
            p.FullName,
            s.UnitId,
            u.Name,
            u.NameZh,
            s.Kind,
            s.Decision,
            s.DecidedOn,
            s.DecidedBy,
            r == null ? null : r.Number,
            r == null ? null : r.Kind,
            s.RecordedAt,
            s.Version);
}
