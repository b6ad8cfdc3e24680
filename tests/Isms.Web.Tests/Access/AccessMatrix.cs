namespace Isms.Web.Tests.Access;

/// Who may use which endpoint: the table AccessMatrixTests checks against the running app, one
/// letter per principal: a = allowed (any answer but 401, 403, 404 or a redirect to sign in),
/// d = denied (401, 403 or a redirect to sign-in / denied), h = hidden (404: allowed by role, but
/// the record is not theirs to see). A new endpoint without a row fails EndpointDeclarationTests.
public static class AccessMatrix
{
    /// The columns. unsigned: Staff without a signed confidentiality agreement; vendor2 and
    /// manager2: another vendor's staff and the manager of another unit; disabled: an account
    /// disabled while signed in; desk: a service desk agent (ServiceDesk and Staff).
    public static readonly string[] Principals =
        ["anon", "disabled", "unsigned", "staff", "vendor", "vendor2", "manager", "manager2", "officer", "auditor", "admin", "desk"];

    /// Rows that end the caller's session: each runs with sessions of its own.
    public static readonly HashSet<string> EndsSessions = ["POST /api/v1/auth/sign-out", "POST /api/v1/auth/sign-out-everywhere"];

    private const string Anyone = "aa aaaa aa aaa a";
    private const string SignedIn = "dd aaaa aa aaa a";
    private const string PeopleRead = "dd dddd aa aaa d";
    private const string PeopleWrite = "dd dddd dd ada d";
    private const string AdminOnly = "dd dddd dd dda d";
    private const string AuditRead = "dd dddd dd aad d";
    private const string OfficerOnly = "dd dddd dd add d";
    private const string DeskOnly = "dd dddd dd ddd a";
    private const string DeskReport = "dd dddd aa aad a";
    private const string AvailabilityDetail = "dd dddd aa aaa d";

    // Somebody else's security report: the handling unit and auditors read it, everyone else gets 404.
    private const string OthersReport = "dd hhhh hh aah h";
    // Adding files to somebody else's report: hidden from those who may not see it; the handling
    // unit and auditors see it but are not its reporter (the officer adds evidence instead).
    private const string OthersReportFiles = "dd hhhh hh ddh h";
    private const string IncidentObjective = "dd dddd aa aad d";

    // The same report in full: managers may read incidents, but this one is of no unit of theirs.
    private const string IncidentDetails = "dd dddd hh aad d";

    // A manager decides a major incident's closure, of their own units only.
    private const string ClosureDecision = "dd dddd hh ddd d";

    // The officer is let in, but the report has no such task.
    private const string OfficerUnknownTask = "dd dddd dd hdd d";
    // Rewards and punishments (policy VIII.A): the handling unit, auditors and managers; a record of
    // a Keelung person is the Keelung manager's to read, not the other unit's.
    private const string SanctionsRead = "dd dddd aa aad d";
    private const string KeelungSanction = "dd dddd ah aad d";

    // A heartbeat's token is its credential: anyone may send one; an unknown token is a 404.
    private const string UnknownToken = "hh hhhh hh hhh h";

    // A form of the Keelung unit: its manager, the organisation-wide roles and the desk see it.
    private const string KeelungForm = "dd hhhh ah aah a";

    // Open to anyone, but only between a right password and the code: without that step's cookie, 401.
    private const string PasswordStepFirst = "dd dddd dd ddd d";

    //                                                        an di un st ve v2 ma m2 of au ad de
    public static readonly IReadOnlyDictionary<string, string> Rows = new Dictionary<string, string>
    {
        ["ANY /health/live"] = Anyone,
        ["ANY /health/ready"] = Anyone,
        ["GET /api/{documentName}/openapi.json"] = Anyone,
        ["POST /api/v1/auth/sign-in"] = Anyone,
        ["POST /api/v1/auth/sign-out"] = SignedIn,
        ["POST /api/v1/auth/change-password"] = SignedIn,
        ["POST /api/v1/auth/sign-in/second-factor"] = PasswordStepFirst,
        ["POST /api/v1/auth/sign-out-everywhere"] = SignedIn,
        ["GET /api/v1/auth/mfa"] = SignedIn,
        ["POST /api/v1/auth/mfa/authenticator"] = SignedIn,
        ["POST /api/v1/auth/mfa/enable"] = SignedIn,
        ["POST /api/v1/auth/mfa/recovery-codes"] = SignedIn,
        ["POST /api/v1/auth/mfa/disable"] = SignedIn,

        ["GET /api/v1/accounts/"] = AdminOnly,
        ["POST /api/v1/accounts/"] = AdminOnly,
        ["GET /api/v1/accounts/{id:guid}"] = AdminOnly,
        ["POST /api/v1/accounts/{id:guid}/reset-password"] = AdminOnly,
        ["POST /api/v1/accounts/{id:guid}/sign-out-everywhere"] = AdminOnly,
        ["POST /api/v1/accounts/{id:guid}/lock"] = AdminOnly,
        ["POST /api/v1/accounts/{id:guid}/unlock"] = AdminOnly,
        ["POST /api/v1/accounts/{id:guid}/disable"] = AdminOnly,
        ["POST /api/v1/accounts/{id:guid}/reset-mfa"] = AdminOnly,
        ["GET /api/v1/summary"] = PeopleRead,

        ["GET /api/v1/units"] = PeopleRead,
        ["GET /api/v1/units/{id:int}"] = PeopleRead,
        ["POST /api/v1/units"] = PeopleWrite,
        ["PUT /api/v1/units/{id:int}"] = PeopleWrite,
        ["GET /api/v1/vendors"] = PeopleRead,
        ["GET /api/v1/vendors/{id:int}"] = PeopleRead,
        ["POST /api/v1/vendors"] = PeopleWrite,
        ["PUT /api/v1/vendors/{id:int}"] = PeopleWrite,
        ["GET /api/v1/responsibilities"] = PeopleRead,
        ["POST /api/v1/responsibilities"] = PeopleWrite,
        ["POST /api/v1/responsibilities/{id:int}/end"] = PeopleWrite,

        ["GET /api/v1/persons/"] = PeopleRead,
        ["GET /api/v1/persons/{id:int}"] = "dd dddd ah aaa d",
        ["GET /api/v1/persons/export.csv"] = PeopleRead,
        ["POST /api/v1/persons/"] = PeopleWrite,
        ["PUT /api/v1/persons/{id:int}"] = PeopleWrite,
        ["POST /api/v1/persons/{id:int}/deactivate"] = PeopleWrite,
        ["POST /api/v1/persons/{id:int}/reactivate"] = PeopleWrite,
        ["POST /api/v1/persons/import"] = PeopleWrite,
        ["PUT /api/v1/persons/{id:int}/clearance"] = "dd dddd dd add d",

        ["GET /api/v1/classifications"] = SignedIn,
        ["GET /api/v1/documents/"] = SignedIn,
        ["GET /api/v1/documents/{id:int}"] = "dd hhah ah aah h",
        ["GET /api/v1/documents/export.csv"] = SignedIn,
        ["POST /api/v1/documents/"] = "dd dddd aa add d",
        ["PUT /api/v1/documents/{id:int}"] = "dd dddd aa add d",

        ["GET /api/v1/accounts/{id:guid}/roles/"] = AdminOnly,
        ["PUT /api/v1/accounts/{id:guid}/roles/"] = AdminOnly,

        ["GET /api/v1/tokens/"] = SignedIn,
        ["POST /api/v1/tokens/"] = SignedIn,
        ["DELETE /api/v1/tokens/{id:guid}"] = "dd hhhh hh hhh h", // another account's token
        ["GET /api/v1/service-accounts/"] = AdminOnly,
        ["POST /api/v1/service-accounts/"] = AdminOnly,
        ["POST /api/v1/service-accounts/{id:guid}/tokens"] = AdminOnly,
        ["DELETE /api/v1/service-accounts/{id:guid}/tokens/{tokenId:guid}"] = AdminOnly,

        ["GET /api/v1/audit/"] = AuditRead,
        ["GET /api/v1/audit/{sequence:long}"] = AuditRead,
        ["GET /api/v1/audit/export.csv"] = AuditRead,
        ["PAGE /Audit"] = AuditRead,
        ["PAGE /Audit/Index"] = AuditRead,
        ["PAGE /Audit/Details/{sequence:long}"] = AuditRead,

        ["PAGE /"] = SignedIn,
        ["PAGE /Index"] = SignedIn,
        ["PAGE /Error"] = Anyone,
        ["PAGE /Status"] = Anyone,
        ["PAGE /Accounts/SignIn"] = Anyone,
        ["PAGE /Accounts/Denied"] = Anyone,
        ["PAGE /Accounts/Language"] = Anyone,
        ["PAGE /Accounts/SignOut"] = SignedIn,
        ["PAGE /Accounts/ChangePassword"] = SignedIn,
        ["PAGE /Accounts/Preferences"] = SignedIn,
        ["PAGE /Accounts/SignInCode"] = PasswordStepFirst,
        ["PAGE /Accounts/Mfa"] = SignedIn,
        ["PAGE /Accounts/Mfa/Index"] = SignedIn,
        ["PAGE /Accounts/Mfa/Enrol"] = SignedIn,
        ["PAGE /Accounts/Admin"] = AdminOnly,
        ["PAGE /Accounts/Admin/Index"] = AdminOnly,
        ["PAGE /Accounts/Admin/Details/{id:guid}"] = AdminOnly,
        ["PAGE /Accounts/Admin/MfaRoles"] = AdminOnly,
        ["PAGE /Accounts/Admin/Create"] = AdminOnly,
        ["PAGE /Access/AccountRoles/{id:guid}"] = AdminOnly,
        ["PAGE /Documents"] = SignedIn,
        ["PAGE /Documents/Index"] = SignedIn,
        ["PAGE /Documents/Details/{id:int}"] = "dd hhah ah aah h",
        ["PAGE /Documents/Edit/{id:int?}"] = "dd dddd ah add d",
        ["PAGE /Organisation/Units"] = PeopleRead,
        ["PAGE /Organisation/Units/Index"] = PeopleRead,
        ["PAGE /Organisation/Units/Edit/{id:int?}"] = PeopleWrite,
        ["PAGE /Organisation/Vendors"] = PeopleRead,
        ["PAGE /Organisation/Vendors/Index"] = PeopleRead,
        ["PAGE /Organisation/Vendors/Edit/{id:int?}"] = PeopleWrite,
        ["PAGE /People"] = PeopleRead,
        ["PAGE /People/Index"] = PeopleRead,
        ["PAGE /People/Details/{id:int}"] = "dd dddd ah aaa d",
        ["PAGE /People/Edit/{id:int?}"] = PeopleWrite,
        ["PAGE /People/Import"] = PeopleWrite,
        ["PAGE /Tokens"] = SignedIn,
        ["PAGE /Tokens/Index"] = SignedIn,
        ["PAGE /Tokens/ServiceAccounts"] = AdminOnly,

        ["GET /api/v1/calendar/years"] = SignedIn,
        ["GET /api/v1/calendar/years/{year:int}"] = SignedIn,
        ["GET /api/v1/calendar/closures"] = SignedIn,
        ["POST /api/v1/calendar/years"] = OfficerOnly,
        ["POST /api/v1/calendar/closures"] = OfficerOnly,
        ["DELETE /api/v1/calendar/closures/{id:guid}"] = OfficerOnly,
        ["PAGE /Calendar"] = SignedIn,
        ["PAGE /Calendar/Index"] = SignedIn,

        ["GET /api/v1/qa-forms/"] = SignedIn,
        ["POST /api/v1/qa-forms/"] = SignedIn, // the empty body is refused (400) once the caller is let in
        ["GET /api/v1/qa-forms/{number:length(14)}"] = KeelungForm,
        ["GET /api/v1/qa-forms/{number:length(14)}/comments"] = KeelungForm,
        ["POST /api/v1/qa-forms/{number:length(14)}/comments"] = SignedIn,
        ["GET /api/v1/qa-forms/{number:length(14)}/attachments"] = KeelungForm,
        ["POST /api/v1/qa-forms/{number:length(14)}/attachments"] = SignedIn,
        ["GET /api/v1/qa-forms/{number:length(14)}/attachments/{id:int}"] = KeelungForm,
        ["POST /api/v1/qa-forms/{number:length(14)}/reopen"] = SignedIn,
        ["GET /api/v1/qa-forms/assignees"] = DeskOnly,
        ["POST /api/v1/qa-forms/{number:length(14)}/assign"] = DeskOnly,
        ["POST /api/v1/qa-forms/{number:length(14)}/start"] = DeskOnly,
        ["POST /api/v1/qa-forms/{number:length(14)}/wait"] = DeskOnly,
        ["POST /api/v1/qa-forms/{number:length(14)}/resume"] = DeskOnly,
        ["POST /api/v1/qa-forms/{number:length(14)}/finish"] = DeskOnly,
        ["POST /api/v1/qa-forms/{number:length(14)}/cancel"] = DeskOnly,
        ["GET /api/v1/service-desk/achievement"] = DeskReport,
        ["GET /api/v1/service-desk/settings"] = DeskReport,
        ["GET /api/v1/service-desk/settings/history"] = DeskReport,
        ["PUT /api/v1/service-desk/settings"] = OfficerOnly,
        ["POST /api/v1/service-desk/categories"] = OfficerOnly,
        ["PUT /api/v1/service-desk/categories/{id:int}"] = OfficerOnly,
        ["GET /api/v1/service-desk/categories"] = SignedIn,
        ["GET /api/v1/service-desk/modules"] = SignedIn,
        ["PAGE /ServiceDesk"] = SignedIn,
        ["PAGE /ServiceDesk/Index"] = SignedIn,
        ["PAGE /ServiceDesk/New"] = SignedIn,
        ["PAGE /ServiceDesk/Forms/{number}"] = KeelungForm,
        ["PAGE /ServiceDesk/Forms/{number}/Print"] = KeelungForm,
        ["PAGE /ServiceDesk/Achievement"] = DeskReport,
        ["PAGE /ServiceDesk/Settings"] = OfficerOnly,
        ["PAGE /ServiceDesk/Category/{id:int?}"] = OfficerOnly,

        ["GET /api/v1/availability/status"] = SignedIn,
        ["GET /api/v1/availability/services"] = SignedIn,
        ["GET /api/v1/availability/services/{id:int}"] = SignedIn,
        ["GET /api/v1/availability/figures"] = SignedIn,
        ["GET /api/v1/availability/outages"] = SignedIn,
        ["GET /api/v1/availability/outages/{id:int}"] = SignedIn,
        ["GET /api/v1/availability/maintenance"] = SignedIn,
        ["GET /api/v1/availability/settings"] = SignedIn,
        ["GET /api/v1/availability/monitors"] = AvailabilityDetail,
        ["GET /api/v1/availability/monitors/{id:int}"] = AvailabilityDetail,
        ["GET /api/v1/availability/services/{id:int}/monitors"] = AvailabilityDetail,
        ["POST /api/v1/availability/services"] = OfficerOnly,
        ["PUT /api/v1/availability/services/{id:int}"] = OfficerOnly,
        ["POST /api/v1/availability/monitors"] = OfficerOnly,
        ["PUT /api/v1/availability/monitors/{id:int}"] = OfficerOnly,
        ["POST /api/v1/availability/monitors/{id:int}/push-token"] = OfficerOnly,
        ["POST /api/v1/availability/outages"] = OfficerOnly,
        ["PUT /api/v1/availability/outages/{id:int}"] = OfficerOnly,
        ["POST /api/v1/availability/outages/{id:int}/confirm"] = OfficerOnly,
        ["POST /api/v1/availability/outages/{id:int}/not-service-fault"] = OfficerOnly,
        ["POST /api/v1/availability/outages/{id:int}/service-fault"] = OfficerOnly,
        ["POST /api/v1/availability/maintenance"] = OfficerOnly,
        ["PUT /api/v1/availability/maintenance/{id:int}"] = OfficerOnly,
        ["DELETE /api/v1/availability/maintenance/{id:int}"] = OfficerOnly, // refused (it has begun), but let in
        ["PUT /api/v1/availability/settings"] = OfficerOnly,
        ["GET,POST /api/v1/availability/push/{token}"] = UnknownToken,
        ["POST /api/v1/incidents/level-preview"] = OfficerOnly,
        ["POST /api/v1/incidents/reports/"] = SignedIn, // the empty body is refused (400) once the caller is let in
        ["GET /api/v1/incidents/reports/mine"] = SignedIn,
        ["GET /api/v1/incidents/reports/{number:length(14)}"] = OthersReport,
        ["GET /api/v1/incidents/reports"] = IncidentObjective, // managers see their units' reports only
        ["GET /api/v1/incidents/reports/{number:length(14)}/details"] = IncidentDetails,
        ["POST /api/v1/incidents/reports/{number:length(14)}/closure-decision"] = ClosureDecision,
        ["GET /api/v1/incidents/reports/{number:length(14)}/improvement-report.pdf"] = IncidentDetails,
        ["PAGE /Incidents/Improvement/{number:length(14)}"] = IncidentDetails,
        ["POST /api/v1/incidents/reports/{number:length(14)}/corrective-action"] = OfficerOnly,
        ["POST /api/v1/incidents/reports/{number:length(14)}/timeline"] = OfficerOnly,
        ["POST /api/v1/incidents/reports/{number:length(14)}/tasks"] = OfficerOnly,
        ["POST /api/v1/incidents/reports/{number:length(14)}/tasks/{taskId:int}/done"] = OfficerUnknownTask,
        ["PUT /api/v1/incidents/reports/{number:length(14)}/investigation"] = OfficerOnly,
        ["PUT /api/v1/incidents/reports/{number:length(14)}/drill"] = OfficerOnly,
        ["POST /api/v1/incidents/reports/{number:length(14)}/closure-request"] = OfficerOnly,
        ["GET /api/v1/incidents/objective"] = IncidentObjective,
        ["POST /api/v1/incidents/reports/{number:length(14)}/reject"] = OfficerOnly,
        ["POST /api/v1/incidents/reports/{number:length(14)}/confirm"] = OfficerOnly,
        ["PUT /api/v1/incidents/reports/{number:length(14)}/times"] = OfficerOnly,
        ["GET /api/v1/incidents/reports/{number:length(14)}/files"] = OthersReport,
        ["POST /api/v1/incidents/reports/{number:length(14)}/files"] = OthersReportFiles,
        ["GET /api/v1/incidents/reports/{number:length(14)}/files/{id:int}"] = OthersReport,
        ["POST /api/v1/incidents/reports/{number:length(14)}/evidence"] = OfficerOnly,
        ["PAGE /Incidents/Report"] = SignedIn,
        ["POST /api/v1/incidents/report-links"] = Anyone, // the empty body is refused (400); any address is 202
        ["PAGE /Incidents/Link"] = Anyone,
        ["PAGE /Incidents/Link/{token}"] = Anyone, // an unknown link shows its message
        ["PAGE /Incidents/Mine"] = SignedIn,
        ["GET /api/v1/incidents/sanctions/"] = SanctionsRead,
        ["GET /api/v1/incidents/sanctions/{id:int}"] = KeelungSanction,
        ["POST /api/v1/incidents/sanctions/"] = OfficerOnly, // the empty body is refused (400) once the officer is let in
        ["PUT /api/v1/incidents/sanctions/{id:int}"] = OfficerOnly,
        ["PAGE /Incidents/Sanctions"] = SanctionsRead,
        ["PAGE /Incidents/Sanctions/Index"] = SanctionsRead,
        ["PAGE /Incidents/Sanctions/Edit/{id:int?}"] = OfficerOnly,
        ["PAGE /Incidents"] = IncidentObjective, // managers see their units' reports only
        ["PAGE /Incidents/Index"] = IncidentObjective,
        ["PAGE /Incidents/Objective"] = IncidentObjective,
        ["PAGE /Incidents/Details/{number}"] = IncidentDetails,
        ["PAGE /Availability"] = SignedIn,
        ["PAGE /Availability/Index"] = SignedIn,
        ["PAGE /Availability/Services/{id:int}"] = SignedIn,
        ["PAGE /Availability/Manage"] = OfficerOnly,
        ["PAGE /Availability/Service/{id:int?}"] = OfficerOnly,
        ["PAGE /Availability/Monitor/{id:int?}"] = OfficerOnly,
        ["PAGE /Availability/Outage/{id:int?}"] = OfficerOnly,
        ["PAGE /Availability/Maintenance/{id:int?}"] = OfficerOnly,
        ["PAGE /Availability/Settings"] = OfficerOnly,
    };
}
