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
public sealed class PersonWrites(IsmsDbContext db, Caller caller, Today today, IStringLocalizer<SharedResource> text)
{
    public async Task<SavedPerson> CreateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        var person = new Person { FullName = "", JobFunction = "", CreatedAt = today.Now };
        var names = await ApplyAsync(person, input, cancellationToken);
        db.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedPerson(person, names);
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
        var email = Person.NormalizeEmail(input.Email);
        var number = Person.NormalizeNumber(input.EmployeeNumber);

        // The checks every write needs, in one round trip: no row comes back when the unit does not
        // exist, and then the two clashes are asked on their own.
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

        string? vendorName = null;
        if (input.VendorId is { } vendorId
            && (vendorName = await db.Set<Vendor>().Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken)) is null)
        {
            errors.Add(nameof(input.VendorId), text["The vendor does not exist."]);
        }

        if (clashes.NumberTaken)
        {
            errors.Add(nameof(input.EmployeeNumber), text["Another person has this employee number."]);
        }

        if (clashes.EmailTaken)
        {
            errors.Add(nameof(input.Email), text["Another person has this e-mail address."]);
        }

        Guid? accountId = null;
        string? userName = null;
        if (!string.IsNullOrWhiteSpace(input.AccountUserName))
        {
            var normalized = input.AccountUserName.Trim().ToUpperInvariant();
            var account = await db.Set<Account>().Where(a => a.NormalizedUserName == normalized)
                .Select(a => new { a.Id, a.UserName }).SingleOrDefaultAsync(cancellationToken);
            accountId = account?.Id;
            userName = account?.UserName;
            if (accountId is null)
            {
                errors.Add(nameof(input.AccountUserName), text["No sign-in account has this user name."]);
            }
            else if (await db.Set<Person>().AnyAsync(p => p.AccountId == accountId && p.Id != person.Id, cancellationToken))
            {
                errors.Add(nameof(input.AccountUserName), text["This sign-in account belongs to another person."]);
            }
        }

        if (collect is null)
        {
            errors.ThrowIfAny();
        }

        person.Assign(input);
        person.AccountId = accountId;
        Touch(person);
        return new PersonNames(clashes.UnitCode, clashes.UnitName, vendorName, userName);
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
