using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;

namespace Isms.Web.Platform.Localization;

/// The English words for enum values, which are also the keys of their zh-TW translations.
public static class EnumLabels
{
    public static string Of(PersonKind kind) => kind switch
    {
        PersonKind.Employee => "Employee",
        PersonKind.Contract => "Contract staff",
        PersonKind.WorkStudy => "Work-study",
        PersonKind.AlternativeMilitaryService => "Alternative military service",
        PersonKind.VendorStaff => "Vendor staff",
        _ => kind.ToString(),
    };

    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.Directorate => "Directorate General",
        UnitKind.Department => "Department",
        UnitKind.Office => "Office",
        UnitKind.Customs => "Customs",
        UnitKind.Section => "Section",
        _ => kind.ToString(),
    };

    public static string Of(VendorKind kind) => kind switch
    {
        VendorKind.ContractSigned => "Contract-signed vendor",
        VendorKind.Outsourced => "Outsourced vendor",
        _ => kind.ToString(),
    };

    public static string Of(ResponsibilityKind kind) => kind switch
    {
        ResponsibilityKind.TopManagement => "Top management",
        ResponsibilityKind.DepartmentHead => "Department head",
        ResponsibilityKind.HandlingUnit => "Security handling unit",
        _ => kind.ToString(),
    };

    public static string Of(PersonStatus status) => status switch
    {
        PersonStatus.Active => "In scope today",
        PersonStatus.Inactive => "No longer in scope",
        PersonStatus.All => "All",
        _ => status.ToString(),
    };

    /// Every label, so a test can check each has its translation.
    public static IEnumerable<string> All() =>
        Enum.GetValues<PersonKind>().Select(Of)
            .Concat(Enum.GetValues<UnitKind>().Select(Of))
            .Concat(Enum.GetValues<VendorKind>().Select(Of))
            .Concat(Enum.GetValues<ResponsibilityKind>().Select(Of))
            .Concat(Enum.GetValues<PersonStatus>().Select(Of))
            .Concat(Enum.GetValues<Features.Documents.DocumentKind>().Select(Of))
            .Concat(Enum.GetValues<Isms.Core.Access.RecordAudience>().Select(Of))
            .Concat(Enum.GetValues<Features.Tokens.TokenScope>().Select(Of))
            .Concat(Enum.GetValues<Features.ServiceDesk.QaFormStatus>().Select(Of))
            .Concat(Enum.GetValues<Features.ServiceDesk.QaClockRule>().Select(Of))
            .Concat(Enum.GetValues<Features.ServiceDesk.QaChannel>().Select(Of))
            .Concat(Enum.GetValues<Features.Availability.ServiceState>().Select(Of))
            .Concat(Enum.GetValues<Features.Availability.MonitorKind>().Select(Of))
            .Concat(Enum.GetValues<Features.Availability.OutageSource>().Select(Of))
            .Concat(Security.Roles.All.Select(Security.RoleLabels.Of));

    public static string Of(Features.ServiceDesk.QaFormStatus status) => status switch
    {
        Features.ServiceDesk.QaFormStatus.Received => "Received",
        Features.ServiceDesk.QaFormStatus.Assigned => "Assigned",
        Features.ServiceDesk.QaFormStatus.InProgress => "In progress",
        Features.ServiceDesk.QaFormStatus.WaitingForRequester => "Waiting for requester",
        Features.ServiceDesk.QaFormStatus.Finished => "Finished",
        Features.ServiceDesk.QaFormStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Of(Features.ServiceDesk.QaClockRule rule) => rule switch
    {
        Features.ServiceDesk.QaClockRule.WorkingDays => "Working days (end of the day)",
        Features.ServiceDesk.QaClockRule.WorkingHours => "Working hours",
        _ => rule.ToString(),
    };

    public static string Of(Features.ServiceDesk.QaChannel channel) => channel switch
    {
        Features.ServiceDesk.QaChannel.Web => "Web form",
        Features.ServiceDesk.QaChannel.Paper => "Paper form",
        Features.ServiceDesk.QaChannel.Email => "E-mail",
        Features.ServiceDesk.QaChannel.Phone => "Telephone",
        Features.ServiceDesk.QaChannel.Api => "Another system (API)",
        _ => channel.ToString(),
    };

    public static string Of(Features.Documents.DocumentKind kind) => kind switch
    {
        Features.Documents.DocumentKind.Policy => "Policy",
        Features.Documents.DocumentKind.Procedure => "Procedure",
        Features.Documents.DocumentKind.Guideline => "Guideline",
        Features.Documents.DocumentKind.Form => "Form",
        Features.Documents.DocumentKind.Record => "Record",
        Features.Documents.DocumentKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Of(Isms.Core.Access.RecordAudience audience) => audience switch
    {
        Isms.Core.Access.RecordAudience.Restricted => "Owner unit's readers only",
        Isms.Core.Access.RecordAudience.OwnerUnitMembers => "Everyone in the owner unit",
        Isms.Core.Access.RecordAudience.Everyone => "Everyone in scope",
        _ => audience.ToString(),
    };

    public static string Of(Features.Tokens.TokenScope scope) => scope switch
    {
        Features.Tokens.TokenScope.Read => "Read only",
        Features.Tokens.TokenScope.Write => "Read and write",
        _ => scope.ToString(),
    };

    public static string Of(Features.Availability.ServiceState state) => state switch
    {
        Features.Availability.ServiceState.Up => "Up",
        Features.Availability.ServiceState.Degraded => "Degraded",
        Features.Availability.ServiceState.Down => "Down",
        Features.Availability.ServiceState.Maintenance => "In maintenance",
        Features.Availability.ServiceState.Unknown => "Unknown (no recent data)",
        _ => state.ToString(),
    };

    public static string Of(Features.Availability.MonitorKind kind) => kind switch
    {
        Features.Availability.MonitorKind.Http => "HTTP(S) request",
        Features.Availability.MonitorKind.Tcp => "TCP connection",
        Features.Availability.MonitorKind.Push => "Heartbeat (the service calls us)",
        _ => kind.ToString(),
    };

    public static string Of(Features.Availability.OutageSource source) => source switch
    {
        Features.Availability.OutageSource.Detected => "Detected by the probes",
        Features.Availability.OutageSource.Recorded => "Recorded by hand",
        _ => source.ToString(),
    };
}
