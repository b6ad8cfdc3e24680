using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

public sealed class AvailabilitySettings(IsmsDbContext db, IStringLocalizer<SharedResource> text)
{
    public async Task<AvailabilitySetting> CurrentAsync(CancellationToken cancellationToken) =>
        await db.Set<AvailabilitySetting>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AvailabilitySetting { Id = 1 };

    public async Task<AvailabilitySettingsResponse> ChangeAsync(AvailabilitySettingsInput input, CancellationToken cancellationToken)
    {
        var setting = await db.Set<AvailabilitySetting>().SingleOrDefaultAsync(cancellationToken);
        if (setting is null)
        {
            setting = new AvailabilitySetting { Id = 1 };
            db.Add(setting);
        }
        else if (setting.Version != input.Version)
        {
            throw new RuleViolationException("availability-settings.stale", text["Someone else changed this meanwhile. Reload and try again."], isConflict: true);
        }
        else
        {
            setting.Version++;
        }

        setting.MaintenanceCountsAsDowntime = input.MaintenanceCountsAsDowntime;
        setting.CertificateWarningDays = input.CertificateWarningDays;
        await db.SaveChangesAsync(cancellationToken);
        return AvailabilitySettingsResponse.Of(setting);
    }
}
