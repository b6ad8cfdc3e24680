using System.ComponentModel.DataAnnotations;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.ServiceDesk;

public sealed record ServiceDeskSettingsInput : IValidatableObject
{
    [Display(Name = "Target (working days)"), Range(1, 30, ErrorMessage = "The target is 1 to 30 working days.")]
    public int TargetDays { get; init; } = 2;

    [Display(Name = "Yearly goal (%)"), Range(typeof(decimal), "1", "100", ErrorMessage = "The goal is a percentage from 1 to 100.")]
    public decimal GoalPercent { get; init; } = 94m;

    [Display(Name = "Office hours from")]
    public TimeOnly DayStart { get; init; } = new(8, 30);

    [Display(Name = "Office hours until")]
    public TimeOnly DayEnd { get; init; } = new(17, 30);

    [Display(Name = "Stop the clock while waiting for the requester")]
    public bool PauseWhileWaiting { get; init; }

    [Display(Name = "Reopen within (days)"), Range(0, 365, ErrorMessage = "Reopening is allowed for 0 to 365 days.")]
    public int ReopenDays { get; init; } = 7;

    [Display(Name = "At risk within (office hours)"), Range(1, 80, ErrorMessage = "At risk is 1 to 80 office hours.")]
    public int AtRiskHours { get; init; } = 4;

    [Display(Name = "Handling unit")]
    public int? DeskUnitId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DayEnd <= DayStart)
        {
            yield return new ValidationResult(Platform.Localization.Messages.Localize(validationContext, "Office hours must end after they start."), [nameof(DayEnd)]);
        }
    }
}

public sealed record ServiceDeskSettingsResponse(DateTimeOffset EffectiveFrom, int TargetDays, decimal GoalPercent, TimeOnly DayStart, TimeOnly DayEnd, bool PauseWhileWaiting, int ReopenDays, int AtRiskHours, int? DeskUnitId)
{
    public static ServiceDeskSettingsResponse Of(ServiceDeskSetting s) =>
        new(s.EffectiveFrom, s.TargetDays, s.GoalPercent, s.DayStart, s.DayEnd, s.PauseWhileWaiting, s.ReopenDays, s.AtRiskHours, s.DeskUnitId);
}

/// The desk's settings with their history. A change never rewrites a row: it adds one effective
/// from now, so each form keeps the rule it was received under.
public sealed class ServiceDeskSettings(IsmsDbContext db, Caller caller, Today today, IStringLocalizer<SharedResource> text)
{
    public async Task<ServiceDeskSetting> InForceAtAsync(DateTimeOffset instant, CancellationToken cancellationToken) =>
        await db.Set<ServiceDeskSetting>().AsNoTracking().Where(s => s.EffectiveFrom <= instant)
            .OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Set<ServiceDeskSetting>().AsNoTracking().OrderBy(s => s.EffectiveFrom).FirstOrDefaultAsync(cancellationToken)
        ?? new ServiceDeskSetting { EffectiveFrom = ServiceDeskReferenceData.Beginning };

    public Task<ServiceDeskSetting> CurrentAsync(CancellationToken cancellationToken) => InForceAtAsync(today.Now, cancellationToken);

    public async Task<IReadOnlyList<ServiceDeskSettingsResponse>> HistoryAsync(CancellationToken cancellationToken) =>
        (await db.Set<ServiceDeskSetting>().AsNoTracking().OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id).ToListAsync(cancellationToken))
            .Select(ServiceDeskSettingsResponse.Of).ToList();

    public async Task<ServiceDeskSettingsResponse> ChangeAsync(ServiceDeskSettingsInput input, CancellationToken cancellationToken)
    {
        if (input.DeskUnitId is { } unitId && !await db.Set<Unit>().AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            throw InputRejectedException.For(nameof(input.DeskUnitId), text["The unit does not exist."]);
        }

        var setting = new ServiceDeskSetting
        {
            // Whole seconds, as receipt times are: a form received in the second of the change follows it.
            EffectiveFrom = QaClock.Second(today.Now),
            TargetDays = input.TargetDays,
            GoalPercent = input.GoalPercent,
            DayStart = input.DayStart,
            DayEnd = input.DayEnd,
            PauseWhileWaiting = input.PauseWhileWaiting,
            ReopenDays = input.ReopenDays,
            AtRiskHours = input.AtRiskHours,
            DeskUnitId = input.DeskUnitId,
            ChangedById = caller.AccountId,
        };
        db.Add(setting);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceDeskSettingsResponse.Of(setting);
    }
}
