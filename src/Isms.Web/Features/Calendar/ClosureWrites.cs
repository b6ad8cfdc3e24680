using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Calendar;

/// Declaring and withdrawing office closures. Each changes the calendar of its locations, so the
/// open forms handled there get their due times worked out again in the same transaction.
public sealed class ClosureWrites(IsmsDbContext db, Caller caller, Today today, CalendarChanges changes, IStringLocalizer<SharedResource> text)
{
    /// The locations written on units: the places a closure can be declared for.
    public static async Task<IReadOnlyList<string>> LocationsAsync(IsmsDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<Unit>().AsNoTracking().Where(u => u.Location != null).Select(u => u.Location!).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    public async Task<Guid> DeclareAsync(ClosureInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var known = await LocationsAsync(db, cancellationToken);
        var locations = input.Locations.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (locations.Count == 0)
        {
            errors.Add(nameof(input.Locations), text["Choose at least one location."]);
        }

        foreach (var unknown in locations.Where(l => !known.Contains(l, StringComparer.Ordinal)))
        {
            errors.Add(nameof(input.Locations), text["No unit is at {0}.", unknown]);
        }

        var date = input.Date!.Value;
        var taken = await db.Set<OfficeClosure>().Where(c => c.Date == date && locations.Contains(c.Location)).Select(c => c.Location).ToListAsync(cancellationToken);
        foreach (var location in taken)
        {
            errors.Add(nameof(input.Date), text["A closure is already declared for {0} on this date; withdraw it first.", location]);
        }

        errors.ThrowIfAny();
        var declaration = Guid.CreateVersion7();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var location in locations)
        {
            db.Add(new OfficeClosure
            {
                DeclarationId = declaration,
                Date = date,
                From = input.From,
                Location = location,
                Reason = input.Reason.Trim(),
                DeclaredAt = today.Now,
                DeclaredById = caller.AccountId,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(CalendarChange.Closure(locations, date), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return declaration;
    }

    public async Task<bool> WithdrawAsync(Guid declarationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<OfficeClosure>().Where(c => c.DeclarationId == declarationId).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return false;
        }

        db.RemoveRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(CalendarChange.Closure(rows.Select(r => r.Location).Distinct(StringComparer.Ordinal).ToList(), rows.Min(r => r.Date)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // A form changed by the desk while its due time was being moved: the whole closure is undone
    // (the transaction is not committed) and the officer is asked to declare it again.
    private async Task RecomputeAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        try
        {
            await changes.CalendarChangedAsync(change, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("calendar.forms-changed",
                text["A form was changed while its due time was being worked out again; nothing was saved. Try again."], isConflict: true);
        }
    }

    public static async Task<IReadOnlyList<ClosureResponse>> ListAsync(IsmsDbContext db, int? year, CancellationToken cancellationToken)
    {
        var query = db.Set<OfficeClosure>().AsNoTracking();
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(c => c.Date >= from && c.Date <= to);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.GroupBy(c => c.DeclarationId)
            .Select(g => new ClosureResponse(g.Key, g.First().Date, g.First().From, g.Select(c => c.Location).Order(StringComparer.Ordinal).ToList(), g.First().Reason, g.First().DeclaredAt))
            .OrderByDescending(c => c.Date).ThenBy(c => c.Locations[0], StringComparer.Ordinal)
            .ToList();
    }
}
