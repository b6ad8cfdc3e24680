namespace Isms.Web.Platform.Security;

/// The platform roles of policy VI (DESIGN.md §1). Scoping each role to a unit comes with the
/// access-control issue; the names are fixed here because accounts already carry them.
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string SecurityOfficer = "SecurityOfficer";
    public const string Manager = "Manager";
    public const string Staff = "Staff";
    public const string Vendor = "Vendor";
    public const string Auditor = "Auditor";

    public static readonly string[] All = [Administrator, SecurityOfficer, Manager, Staff, Vendor, Auditor];
}

public static class Policies
{
    /// Read the organisation and the people in scope.
    public const string PeopleRead = "people.read";

    /// Change the organisation and the people in scope.
    public const string PeopleWrite = "people.write";

    /// Read and export the audit trail.
    public const string AuditRead = "audit.read";
}
