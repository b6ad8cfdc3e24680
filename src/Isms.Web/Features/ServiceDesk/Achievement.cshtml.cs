using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features.ServiceDesk;

/// The objective of policy IV.C.1.c for a year: the rate against the goal, and where it comes from.
[Authorize(Policy = Policies.ServiceDeskReport)]
public sealed class AchievementModel(QaAchievement achievement, Today today) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public QaAchievementReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var year = Year is >= 2000 and <= 2100 ? Year.Value : today.Date.Year;
        Report = await achievement.ForYearAsync(year, cancellationToken);
    }
}
