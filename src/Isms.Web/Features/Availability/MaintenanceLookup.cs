using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability;

/// One maintenance window by its id, for the page that changes or cancels it.
public static class MaintenanceLookup
{
    public static async Task<MaintenanceResponse?> FindMaintenanceAsync(this IsmsDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Set<MaintenanceWindow>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } window
            ? MaintenanceResponse.Of(window) : null;
}
