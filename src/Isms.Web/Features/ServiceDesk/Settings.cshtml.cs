using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Isms.Web.Features.ServiceDesk;

/// The desk's settings and their history, and the categories.
[Authorize(Policy = Policies.ServiceDeskSettings)]
public sealed class SettingsModel(IsmsDbContext db, ServiceDeskSettings settings, QaCategories categories) : PageModel
{
    [BindProperty]
    public ServiceDeskSettingsInput Input { get; set; } = new();

    public IReadOnlyList<ServiceDeskSettingsResponse> History { get; private set; } = [];

    public IReadOnlyList<QaCategoryResponse> Categories { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        Input = new ServiceDeskSettingsInput
        {
            TargetDays = current.TargetDays,
            GoalPercent = current.GoalPercent,
            DayStart = current.DayStart,
            DayEnd = current.DayEnd,
            PauseWhileWaiting = current.PauseWhileWaiting,
            ReopenDays = current.ReopenDays,
            AtRiskHours = current.AtRiskHours,
            DeskUnitId = current.DeskUnitId,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await ModelState.TryWriteAsync(nameof(Input), () => settings.ChangeAsync(Input, cancellationToken)))
        {
            TempData["Notice"] = "The settings were saved; they apply to forms received from now on.";
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        History = await settings.HistoryAsync(cancellationToken);
        Categories = await categories.ListAsync(includeInactive: true, cancellationToken);
        Units = await UnitChoices.LoadAsync(db, cancellationToken);
    }
}
