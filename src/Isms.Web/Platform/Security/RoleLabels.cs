namespace Isms.Web.Platform.Security;

/// The English names of the roles, which are also the keys of their zh-TW translations.
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        Roles.Administrator => "Administrator",
        Roles.SecurityOfficer => "Security officer",
        Roles.Manager => "Manager",
        Roles.Staff => "Staff",
        Roles.Vendor => "Vendor staff",
        Roles.Auditor => "Auditor",
        Roles.ServiceDesk => "Service desk agent",
        _ => role,
    };
}
