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

    /// An agent of the Q&A form service desk (policy IV.C.1.c): a person of the Department of
    /// Information Management who takes, handles and finishes forms.
    public const string ServiceDesk = "ServiceDesk";

    public static readonly string[] All = [Administrator, SecurityOfficer, Manager, Staff, Vendor, Auditor, ServiceDesk];
}

public static class Policies
{
    /// Any signed-in account, whatever its roles: its own preferences and tokens.
    public const string SignedIn = "signed-in";

    /// Read the organisation and the people in scope.
    public const string PeopleRead = "people.read";

    /// Change the organisation and the people in scope.
    public const string PeopleWrite = "people.write";

    /// Read the records of the management system (documents, and later forms, incidents, risks):
    /// every role may ask, and need-to-know (Caller, RecordAccess) decides which records answer.
    public const string RecordsRead = "records.read";

    /// File and change documents of the register (within the writer's units and clearance).
    public const string DocumentsWrite = "documents.write";

    /// Set a person's clearance and agreement flag: the handling unit's decision, not the
    /// administrator's (separation of duties).
    public const string ClearanceWrite = "clearance.write";

    /// Administer sign-in accounts: passwords, lockout, MFA, sessions, mandatory MFA per role.
    public const string AccountsAdmin = "accounts.admin";

    /// Read and export the audit trail.
    public const string AuditRead = "audit.read";

    /// Import the office calendar and declare office closures (typhoon days).
    public const string CalendarWrite = "calendar.write";

    /// Take, assign, handle and finish Q&A forms.
    public const string ServiceDeskHandle = "servicedesk.handle";

    /// Read the service desk's achievement figures.
    public const string ServiceDeskReport = "servicedesk.report";

    /// Change the service desk's settings (target, goal, categories, desk unit).
    public const string ServiceDeskSettings = "servicedesk.settings";

    /// Services, monitors, outages and maintenance windows: the security office keeps them.
    public const string AvailabilityManage = "availability.manage";

    /// How services are probed (addresses, hosts) and each monitor's state: not for every reader.
    public const string AvailabilityDetail = "availability.detail";

    /// Triage and grade reported incidents and weaknesses: the security handling unit.
    public const string IncidentsTriage = "incidents.triage";

    /// Read reports and incidents in full: the handling unit and auditors, managers for their units.
    public const string IncidentsRead = "incidents.read";

    /// Approve the closure of a major incident of one's units: managers.
    public const string IncidentsApprove = "incidents.approve";

    /// The half-yearly incident objective: the handling unit, managers and auditors.
    public const string IncidentsObjective = "incidents.objective";

    /// Rewards and punishments (policy VIII.A): the handling unit, auditors, and managers for
    /// their own units' people.
    public const string SanctionsRead = "sanctions.read";

    /// Record and correct rewards and punishments: the handling unit.
    public const string SanctionsWrite = "sanctions.write";
}
