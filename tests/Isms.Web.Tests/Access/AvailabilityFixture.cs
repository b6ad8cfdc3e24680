using Isms.Web.Data;
using Isms.Web.Features.Availability;
using Isms.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Access;

/// A service with a monitor, a recorded outage and a maintenance window that has begun (so that the
/// officer's DELETE in the matrix is refused, not carried out, and later rows still find it).
public sealed record AvailabilityFixture(int Service, int Monitor, int Outage, int Maintenance)
{
    public static async Task<AvailabilityFixture> ArrangeAsync(IsmsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var service = new AvailabilityService { Name = Api.Unique("Matrix service "), CreatedAt = now };
        db.Add(service);
        await db.SaveChangesAsync();
        var monitor = new ServiceMonitor { ServiceId = service.Id, Name = "portal", Kind = MonitorKind.Http, Url = "https://portal.example/", CreatedAt = now, IsActive = false };
        var outage = new Outage { Source = OutageSource.Recorded, Start = now.AddHours(-2), End = now.AddHours(-1), Cause = "power" };
        var window = new MaintenanceWindow { ServiceId = service.Id, Start = now.AddHours(-1), End = now.AddHours(5), Notice = "upgrade", AnnouncedAt = now.AddDays(-1) };
        db.AddRange(monitor, outage, window);
        await db.SaveChangesAsync();
        db.Add(new OutageService { OutageId = outage.Id, ServiceId = service.Id });
        await db.SaveChangesAsync();
        return new AvailabilityFixture(service.Id, monitor.Id, outage.Id, window.Id);
    }
}
