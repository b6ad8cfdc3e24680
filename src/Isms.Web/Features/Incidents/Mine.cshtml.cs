using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.Incidents;

/// The reporter's own reports and where each stands; never anyone else's.
[Authorize(Policy = Policies.RecordsRead)]
public sealed class MineModel(SecurityReports reports) : PageModel
{
    public IReadOnlyList<OwnReportResponse> Reports { get; private set; } = [];

    public string? Sent { get; private set; }

    public async Task OnGetAsync(string? sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        Reports = await reports.MineAsync(cancellationToken);
    }
}
