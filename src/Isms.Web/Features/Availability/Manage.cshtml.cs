using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Availability;

/// The security office's desk for availability: the services and their monitors, the outages of
/// the last weeks to confirm, and the maintenance announced.
[Authorize(Policy = Policies.AvailabilityManage)]
public sealed class ManageModel(AvailabilityCatalog catalog, OutageRecords outages, MaintenanceWindows windows, Today today) : PageModel
{
    public const int RecentDays = 30;

    public IReadOnlyList<ServiceResponse> Services { get; private set; } = [];

    public IReadOnlyList<MonitorResponse> Monitors { get; private set; } = [];

    public IReadOnlyList<OutageResponse> RecentOutages { get; private set; } = [];

    public IReadOnlyList<MaintenanceResponse> Maintenance { get; private set; } = [];

    public DateTimeOffset Now => today.Now;

    public string ServiceName(int id) => Services.FirstOrDefault(s => s.Id == id) is { } s ? DisplayFormat.Pick(s.Name, s.NameZh) : $"#{id}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await catalog.ServicesAsync(cancellationToken);
        Monitors = await catalog.MonitorsAsync(null, cancellationToken);
        RecentOutages = await outages.ListAsync(null, today.Now.AddDays(-RecentDays), today.Now.AddSeconds(1), cancellationToken);
        Maintenance = await windows.ListAsync(null, today.Now, today.Now.AddYears(5), cancellationToken);
    }
}
