using Isms.Core.People;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Isms.Web.Features.People;

/// The kinds of personnel policy V puts in scope.
public enum PersonKind
{
    Employee,
    Contract,
    WorkStudy,
    AlternativeMilitaryService,
    VendorStaff,
}

/// A person in scope of the policy. A person is never deleted once anything refers to them: they
/// are deactivated by ending their active period.
public sealed class Person
{
    public int Id { get; private set; }

    public string? EmployeeNumber { get; set; }

    public required string FullName { get; set; }

    public string? Email { get; set; }

    public PersonKind Kind { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; private set; }

    public int? VendorId { get; set; }

    public Vendor? Vendor { get; private set; }

    public required string JobFunction { get; set; }

    public string? Phone { get; set; }

    public DateOnly ActiveFrom { get; set; }

    public DateOnly? ActiveTo { get; set; }

    public Guid? AccountId { get; set; }

    public Account? Account { get; private set; }

    /// The highest classification rank this person may read (need-to-know), set by the security
    /// officer. Only effective once the person has signed a current confidentiality agreement.
    public int Clearance { get; set; }

    /// Whether the person has signed the current confidentiality agreement. The agreements
    /// themselves come with the people-obligations feature, which will keep this flag up to date.
    public bool AgreementSigned { get; set; }

    /// Lower-case name, e-mail, number and job function: one column that searches the same way on
    /// SQLite and PostgreSQL.
    public string SearchText { get; private set; } = "";

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ActivePeriod Period => new(ActiveFrom, ActiveTo);

    /// Copies the fields a caller sets; the checks against other records are the caller's.
    public void Assign(PersonInput input)
    {
        EmployeeNumber = NormalizeNumber(input.EmployeeNumber);
        FullName = input.FullName.Trim();
        Email = NormalizeEmail(input.Email);
        Kind = input.Kind;
        UnitId = input.UnitId;
        VendorId = input.VendorId;
        JobFunction = input.JobFunction.Trim();
        Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        ActiveFrom = input.ActiveFrom ?? throw new ArgumentException("The first active day is required.", nameof(input));
        ActiveTo = input.ActiveTo;
    }

    public static string? NormalizeEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? NormalizeNumber(string? number) => string.IsNullOrWhiteSpace(number) ? null : number.Trim();

    public void RefreshSearchText() =>
        SearchText = string.Join('\n', FullName, Email, EmployeeNumber, JobFunction).ToLowerInvariant();
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.EmployeeNumber).HasMaxLength(20);
        builder.HasIndex(p => p.EmployeeNumber).IsUnique();
        builder.Property(p => p.FullName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.JobFunction).HasMaxLength(100);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.SearchText).HasMaxLength(600);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.FullName);
        builder.HasIndex(p => p.AccountId).IsUnique();
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Vendor).WithMany().HasForeignKey(p => p.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.Period);
    }
}
