using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.People;

/// Creating, changing and deactivating persons: the checks that need the database live here, once,
/// for the API, the pages and the CSV import.
public sealed class PersonWrites(IsmsDbContext db, Caller caller, Today today, UnitNames unitNames, IStringLocalizer<SharedResource> text)
{
    public async Task<SavedPerson> CreateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        var person = new Person { FullName = "", JobFunction = "", CreatedAt = today.Now };

        // The unit and the clashes are left to the foreign key and the unique indexes: asking first
        // was one round trip of four on every create (docs/benchmarks.md, 2026-12-03, night). Only a
        // refused insert pays for the questions that name the fields.
        var errors = new FieldErrors();
        var links = await CheckLinksAsync(person, input, errors, askTaken: false, cancellationToken);
        if (errors.Any)
        {
            await CheckUnitAndClashesAsync(person, input, errors, cancellationToken);
            errors.ThrowIfAny();
        }

        Copy(person, input, links);
        db.Add(person);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Nothing was written (the transaction rolled back); the full check says why, and when
            // it finds nothing the refusal was something else and goes up as it is.
            db.Entry(person).State = EntityState.Detached;
            await ApplyAsync(new Person { FullName = "", JobFunction = "" }, input, cancellationToken);
            throw;
        }

        // The foreign key held at the insert, and a unit with persons cannot be deleted.
        var unit = await unitNames.FindAsync(db, person.UnitId, cancellationToken)
            ?? throw new RecordNotFoundException("Unit", person.UnitId);
        return new SavedPerson(person, new PersonNames(unit.Code, unit.Name, links.VendorName, links.UserName));
    }

    public async Task<SavedPerson> UpdateAsync(int id, PersonInput input, CancellationToken cancellationToken)
    {
        var person = await FindTrackedAsync(id, cancellationToken);
        if (person.Version != input.Version)
        {
            throw new RuleViolationException("person.stale", text["Someone else changed this person meanwhile. Reload and try again."], isConflict: true);
        }

        var names = await ApplyAsync(person, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedPerson(person, names);
    }

    /// Takes the person out of scope from today: their last day becomes yesterday. A person who
    /// already left keeps their last day.
    public async Task<Person> DeactivateAsync(int id, CancellationToken cancellationToken)
    {
        var person = await FindTrackedAsync(id, cancellationToken);
        var ended = person.Period.EndOn(today.Date.AddDays(-1));
        if (ended.To != person.ActiveTo)
        {
            person.ActiveTo = ended.To;
            Touch(person);
            await db.SaveChangesAsync(cancellationToken);
        }

        return person;
    }

    public async Task<Person> ReactivateAsync(int id, CancellationToken cancellationToken)
    {
        var person = await FindTrackedAsync(id, cancellationToken);
        if (person.ActiveTo is not null)
        {
            person.ActiveTo = null;
            Touch(person);
            await db.SaveChangesAsync(cancellationToken);
        }

        return person;
    }

    /// Copies the input onto the entity after checking what only the database can tell, and gives
    /// the names those checks read on the way (the answer is built from them, not read again).
    /// Used by the CSV import for many rows inside one transaction too.
    public async Task<PersonNames> ApplyAsync(Person person, PersonInput input, CancellationToken cancellationToken, FieldErrors? collect = null)
    {
        var errors = collect ?? new FieldErrors();
        var unit = await CheckUnitAndClashesAsync(person, input, errors, cancellationToken);
        var links = await CheckLinksAsync(person, input, errors, askTaken: true, cancellationToken);
        if (collect is null)
        {
            errors.ThrowIfAny();
        }

        Copy(person, input, links);
        return new PersonNames(unit.Code, unit.Name, links.VendorName, links.UserName);
    }

    private void Copy(Person person, PersonInput input, Links links)
    {
        person.Assign(input);
        person.AccountId = links.AccountId;
        Touch(person);
    }

    /// The unit and the employee-number and e-mail clashes, in one round trip: no row comes back when
    /// the unit does not exist, and then the two clashes are asked on their own.
    private async Task<(string Code, string Name)> CheckUnitAndClashesAsync(Person person, PersonInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var email = Person.NormalizeEmail(input.Email);
        var number = Person.NormalizeNumber(input.EmployeeNumber);
        var people = db.Set<Person>();
        var clashes = await (db.OnSqlite ? ClashesOnSqlite : ClashesOnPostgres)(db, input.UnitId, number, email, person.Id, cancellationToken);
        if (clashes is null)
        {
            errors.Add(nameof(input.UnitId), text["The unit does not exist."]);
            clashes = new Clashes(
                "",
                "",
                number is not null && await people.AnyAsync(p => p.EmployeeNumber == number && p.Id != person.Id, cancellationToken),
                email is not null && await people.AnyAsync(p => p.Email == email && p.Id != person.Id, cancellationToken));
        }

        if (clashes.NumberTaken)
        {
            errors.Add(nameof(input.EmployeeNumber), text["Another person has this employee number."]);
        }

        if (clashes.EmailTaken)
        {
            errors.Add(nameof(input.Email), text["Another person has this e-mail address."]);
        }

        return (clashes.UnitCode, clashes.UnitName);
    }

    private sealed record Links(string? VendorName, Guid? AccountId, string? UserName);

    /// The vendor and the sign-in account, asked only when the input names them. Whether another
    /// person already has the account is asked too unless the unique index is left to tell.
    private async Task<Links> CheckLinksAsync(Person person, PersonInput input, FieldErrors errors, bool askTaken, CancellationToken cancellationToken)
    {
        string? vendorName = null;
        if (input.VendorId is { } vendorId
            && (vendorName = await db.Set<Vendor>().Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken)) is null)
        {
            errors.Add(nameof(input.VendorId), text["The vendor does not exist."]);
        }

        if (string.IsNullOrWhiteSpace(input.AccountUserName))
        {
            return new Links(vendorName, null, null);
        }

        var normalized = input.AccountUserName.Trim().ToUpperInvariant();
        var account = await db.Set<Account>().Where(a => a.NormalizedUserName == normalized)
            .Select(a => new { a.Id, a.UserName }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            errors.Add(nameof(input.AccountUserName), text["No sign-in account has this user name."]);
        }
        else if (askTaken && await db.Set<Person>().AnyAsync(p => p.AccountId == account.Id && p.Id != person.Id, cancellationToken))
        {
            errors.Add(nameof(input.AccountUserName), text["This sign-in account belongs to another person."]);
        }

        return new Links(vendorName, account?.Id, account?.UserName);
    }

    public void Touch(Person person)
    {
        person.RefreshSearchText();
        person.UpdatedAt = today.Now;
        if (db.Entry(person).State != EntityState.Detached)
        {
            person.Version++;
        }
    }

    private sealed record Clashes(string UnitCode, string UnitName, bool NumberTaken, bool EmailTaken);

    // Compiled once per database provider (a compiled query keeps the first model it ran with):
    // every person write asks it, and building and matching the query tree each time cost more
    // than running it.
    private static readonly Func<IsmsDbContext, int, string?, string?, int, CancellationToken, Task<Clashes?>> ClashesOnSqlite = CompileClashes();
    private static readonly Func<IsmsDbContext, int, string?, string?, int, CancellationToken, Task<Clashes?>> ClashesOnPostgres = CompileClashes();

    private static Func<IsmsDbContext, int, string?, string?, int, CancellationToken, Task<Clashes?>> CompileClashes() =>
        EF.CompileAsyncQuery((IsmsDbContext db, int unitId, string? number, string? email, int personId, CancellationToken _) =>
            db.Set<Unit>().Where(u => u.Id == unitId)
                .Select(u => new Clashes(
                    u.Code,
                    u.Name,
                    number != null && db.Set<Person>().Any(p => p.EmployeeNumber == number && p.Id != personId),
                    email != null && db.Set<Person>().Any(p => p.Email == email && p.Id != personId)))
                .SingleOrDefault());

    // A person outside the caller's units answers like a missing one.
    private async Task<Person> FindTrackedAsync(int id, CancellationToken cancellationToken) =>
        await (await caller.VisiblePeopleAsync(db, cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new RecordNotFoundException("Person", id);
}
