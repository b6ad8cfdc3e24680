using System.Globalization;
using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Incidents;

/// The handling unit's list of reports (and a manager's, of their units; an auditor's), newest
/// first, with the clocks of the open incidents.
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class IndexModel(SecurityReports reports, IsmsDbContext db, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    public ReportFilter Filter { get; private set; } = new();

    public IReadOnlyList<ReportResponse> Reports { get; private set; } = [];

    /// The unit each listed report concerns, by its number.
    public IReadOnlyDictionary<string, string> Units { get; private set; } = new Dictionary<string, string>();

    public IncidentText Text { get; } = new(localizer, clock);

    public async Task OnGetAsync(Isms.Core.Incidents.ReportKind? kind, ReportStatus? status, bool? open, bool? drill, CancellationToken cancellationToken)
    {
        // A value that does not parse is dropped, as if it had not been given.
        Filter = new ReportFilter(status, kind, open == true ? true : null, drill);
        Reports = await reports.ListAsync(Filter, cancellationToken);
        var numbers = Reports.Select(r => r.Number).ToList();
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var rows = await db.Set<SecurityReport>().AsNoTracking().Where(r => numbers.Contains(r.Number) && r.UnitId != null)
            .Join(db.Set<Unit>(), r => r.UnitId, u => (int?)u.Id, (r, u) => new { r.Number, u.Name, u.NameZh }).ToListAsync(cancellationToken);
        Units = rows.ToDictionary(r => r.Number, r => chinese && !string.IsNullOrEmpty(r.NameZh) ? r.NameZh : r.Name);
    }
}
