using Isms.Web.Data;
using Isms.Web.Features.Home;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Isms.Web.Features;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IsmsDbContext db, Today today, IAuthorizationService authorization, ServiceDesk.QaAchievement achievement) : PageModel
{
    public HomeFigures? Figures { get; private set; }

    /// This year's Q&A form objective (policy IV.C.1.c), for those who read the service desk's figures.
    public ServiceDesk.QaAchievementReport? QaForms { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await authorization.AuthorizeAsync(User, Policies.PeopleRead)).Succeeded)
        {
            Figures = await HomeFigures.CountAsync(db, today.Date, cancellationToken);
        }

        if ((await authorization.AuthorizeAsync(User, Policies.ServiceDeskReport)).Succeeded)
        {
            QaForms = await achievement.ForYearAsync(today.Date.Year, cancellationToken);
        }
    }
}
