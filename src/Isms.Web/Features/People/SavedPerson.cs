namespace Isms.Web.Features.People;

/// The names a person's record shows beside its ids, as the write's checks read them.
public sealed record PersonNames(string UnitCode, string UnitName, string? VendorName, string? AccountUserName);

/// A person just written, with the names its answer needs: the API answers from this instead of
/// reading the row back.
public sealed record SavedPerson(Person Person, PersonNames Names)
{
    /// The same answer as PersonReads.Project gives for the stored row.
    public PersonResponse Response(DateOnly today) => new(
        Person.Id,
        Person.EmployeeNumber,
        Person.FullName,
        Person.Email,
        Person.Kind,
        Person.UnitId,
        Names.UnitCode,
        Names.UnitName,
        Person.VendorId,
        Names.VendorName,
        Person.JobFunction,
        Person.Phone,
        Person.ActiveFrom,
        Person.ActiveTo,
        Person.Period.IsActiveOn(today),
        Names.AccountUserName,
        Person.Clearance,
        Person.AgreementSigned,
        Person.Version,
        Person.CreatedAt,
        Person.UpdatedAt);
}
