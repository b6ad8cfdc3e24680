using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// Planned maintenance, announced ahead. A window cannot be laid over time already past: that
/// would take outages out of the figures after the fact.
public sealed class MaintenanceWindows(IsmsDbContext db, Caller caller, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<MaintenanceResponse>> ListAsync(int? serviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await db.Set<MaintenanceWindow>().AsNoTracking()
            .Where(m => (serviceId == null || m.ServiceId == serviceId) && m.Start < to && m.End > from)
            .OrderBy(m => m.Start).Take(1000).ToListAsync(cancellationToken)).Select(MaintenanceResponse.Of).ToList();

    public async Task<MaintenanceResponse> AnnounceAsync(int? id, MaintenanceInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.Set<AvailabilityService>().AnyAsync(s => s.Id == input.ServiceId, cancellationToken))
        {
            throw InputRejectedException.For(nameof(input.ServiceId), text["Choose a service."]);
        }

        MaintenanceWindow window;
        if (id is { } existing)
        {
            window = await db.Set<MaintenanceWindow>().SingleOrDefaultAsync(m => m.Id == existing, cancellationToken)
                ?? throw new RecordNotFoundException("Maintenance", existing);
            if (window.Version != input.Version)
            {
                throw new RuleViolationException("maintenance.stale", text["Someone else changed this meanwhile. Reload and try again."], isConflict: true);
            }

            if (window.Start <= now && (input.Start != window.Start || input.ServiceId != window.ServiceId))
            {
                throw InputRejectedException.For(nameof(input.Start), text["This maintenance has begun: only its end and notice can change."]);
            }

            if (window.Start <= now && input.End != window.End && input.End < now)
            {
                throw InputRejectedException.For(nameof(input.End), text["The end cannot be moved into the past."]);
            }

            window.Version++;
        }
        else
        {
            if (input.Start <= now)
            {
                throw InputRejectedException.For(nameof(input.Start), text["Maintenance is announced ahead: the start must be in the future."]);
            }

            window = new MaintenanceWindow { Notice = "", AnnouncedAt = now, AnnouncedById = caller.AccountId };
            db.Add(window);
        }

        window.ServiceId = input.ServiceId;
        window.Start = input.Start.ToUniversalTime();
        window.End = input.End.ToUniversalTime();
        window.Notice = input.Notice.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return MaintenanceResponse.Of(window);
    }

    /// Calls off a window that has not begun.
    public async Task CancelAsync(int id, CancellationToken cancellationToken)
    {
        var window = await db.Set<MaintenanceWindow>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException("Maintenance", id);
        if (window.Start <= clock.GetUtcNow())
        {
            throw new RuleViolationException("maintenance.begun", text["This maintenance has begun: shorten it instead."]);
        }

        db.Remove(window);
        await db.SaveChangesAsync(cancellationToken);
    }
}
