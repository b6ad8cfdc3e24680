using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Availability;

/// The status page for staff: each service's state now, its year against the target, the last
/// 90 days, and what is down or announced.
[Authorize(Policy = Policies.RecordsRead)]
public sealed class IndexModel(AvailabilityReads reads, Today today, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<ServiceStatus> Services { get; private set; } = [];

    public bool CanManage { get; private set; }

    public DateTimeOffset Now => today.Now;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await reads.StatusAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.AvailabilityManage)).Succeeded;
    }
}
