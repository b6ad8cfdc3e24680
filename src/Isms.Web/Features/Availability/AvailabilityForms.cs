using System.ComponentModel.DataAnnotations;
using Isms.Core.Calendars;

namespace Isms.Web.Features.Availability;

// The pages' forms for outages and maintenance take times as Taipei wall-clock time; each turns
// into the request record the API takes, which the page then validates, so that the rules are
// the records' own and the same for both.

public sealed record OutageForm
{
    [Display(Name = "Start")]
    public DateTime? Start { get; init; }

    [Display(Name = "End")]
    public DateTime? End { get; init; }

    [Display(Name = "Cause")]
    public string? Cause { get; init; }

    [Display(Name = "Affected services")]
    public List<int> ServiceIds { get; init; } = [];

    public OutageInput ToInput(AgencyTime agency) => new()
    {
        Start = agency.FromLocal(Start) ?? default,
        End = agency.FromLocal(End),
        Cause = Cause ?? "",
        ServiceIds = ServiceIds,
    };
}

public sealed record OutageChangeForm
{
    [Display(Name = "Start")]
    public DateTime? Start { get; init; }

    [Display(Name = "End")]
    public DateTime? End { get; init; }

    [Display(Name = "Cause")]
    public string? Cause { get; init; }

    [Display(Name = "Reason for the change")]
    public string? Reason { get; init; }

    public int Version { get; init; }

    public static OutageChangeForm Of(OutageResponse outage, AgencyTime agency) => new()
    {
        Start = agency.ToLocalInput(outage.Start),
        End = agency.ToLocalInput(outage.End),
        Cause = outage.Cause,
        Version = outage.Version,
    };

    public OutageChangeInput ToInput(AgencyTime agency) => new()
    {
        Start = agency.FromLocal(Start) ?? default,
        End = agency.FromLocal(End),
        Cause = Cause,
        Reason = Reason ?? "",
        Version = Version,
    };
}

public sealed record MaintenanceForm
{
    [Display(Name = "Service")]
    public int ServiceId { get; init; }

    [Display(Name = "Start")]
    public DateTime? Start { get; init; }

    [Display(Name = "End")]
    public DateTime? End { get; init; }

    [Display(Name = "Notice")]
    public string? Notice { get; init; }

    public int Version { get; init; }

    public static MaintenanceForm Of(MaintenanceResponse window, AgencyTime agency) => new()
    {
        ServiceId = window.ServiceId,
        Start = agency.ToLocalInput(window.Start),
        End = agency.ToLocalInput(window.End),
        Notice = window.Notice,
        Version = window.Version,
    };

    public MaintenanceInput ToInput(AgencyTime agency) => new()
    {
        ServiceId = ServiceId,
        Start = agency.FromLocal(Start) ?? default,
        End = agency.FromLocal(End) ?? default,
        Notice = Notice ?? "",
        Version = Version,
    };
}
