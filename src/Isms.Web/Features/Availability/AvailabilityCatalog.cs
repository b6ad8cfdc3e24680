using Isms.Core;
using Isms.Web.Data;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Availability;

/// The services and their monitors: what the probe engine runs and the figures are made of.
public sealed class AvailabilityCatalog(IsmsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<ServiceResponse>> ServicesAsync(CancellationToken cancellationToken) =>
        (await db.Set<AvailabilityService>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(ServiceResponse.Of).ToList();

    public async Task<ServiceResponse?> ServiceAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<AvailabilityService>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } s ? ServiceResponse.Of(s) : null;

    public async Task<ServiceResponse> SaveServiceAsync(int? id, ServiceInput input, CancellationToken cancellationToken)
    {
        AvailabilityService service;
        if (id is { } existing)
        {
            service = await db.Set<AvailabilityService>().SingleOrDefaultAsync(s => s.Id == existing, cancellationToken)
                ?? throw new RecordNotFoundException("Service", existing);
            Stale(service.Version, input.Version, "service.stale");
            service.Version++;
        }
        else
        {
            service = new AvailabilityService { Name = "", CreatedAt = clock.GetUtcNow() };
            db.Add(service);
        }

        var name = input.Name.Trim();
        if (await db.Set<AvailabilityService>().AnyAsync(s => s.Name == name && s.Id != (id ?? 0), cancellationToken))
        {
            throw InputRejectedException.For(nameof(input.Name), text["Another service has this name."]);
        }

        service.Name = name;
        service.NameZh = Blank(input.NameZh);
        service.Description = Blank(input.Description);
        service.Target = input.Target;
        service.IsActive = input.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResponse.Of(service);
    }

    public async Task<IReadOnlyList<MonitorResponse>> MonitorsAsync(int? serviceId, CancellationToken cancellationToken) =>
        (await db.Set<ServiceMonitor>().AsNoTracking().Where(m => serviceId == null || m.ServiceId == serviceId)
            .OrderBy(m => m.ServiceId).ThenBy(m => m.Name).ToListAsync(cancellationToken)).Select(m => MonitorResponse.Of(m)).ToList();

    public async Task<MonitorResponse?> MonitorAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<ServiceMonitor>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } m ? MonitorResponse.Of(m) : null;

    public async Task<MonitorResponse> SaveMonitorAsync(int? id, MonitorInput input, CancellationToken cancellationToken)
    {
        if (!await db.Set<AvailabilityService>().AnyAsync(s => s.Id == input.ServiceId, cancellationToken))
        {
            throw InputRejectedException.For(nameof(input.ServiceId), text["Choose a service."]);
        }

        ServiceMonitor monitor;
        if (id is { } existing)
        {
            monitor = await db.Set<ServiceMonitor>().SingleOrDefaultAsync(m => m.Id == existing, cancellationToken)
                ?? throw new RecordNotFoundException("Monitor", existing);
            Stale(monitor.Version, input.Version, "monitor.stale");
            if (monitor.Kind != input.Kind)
            {
                throw InputRejectedException.For(nameof(input.Kind), text["A monitor keeps its kind: add a new monitor instead."]);
            }

            monitor.Version++;
        }
        else
        {
            monitor = new ServiceMonitor { Name = "", Kind = input.Kind, CreatedAt = clock.GetUtcNow() };
            db.Add(monitor);
        }

        string? token = null;
        if (monitor.Kind == MonitorKind.Push && monitor.PushTokenHash is null)
        {
            token = PushTokens.NewToken();
            monitor.PushTokenHash = PushTokens.HashOf(token);
        }

        monitor.ServiceId = input.ServiceId;
        monitor.Name = input.Name.Trim();
        monitor.Method = (input.Method ?? "GET").Trim().ToUpperInvariant();
        monitor.Url = monitor.Kind == MonitorKind.Http ? input.Url?.Trim() : null;
        monitor.ExpectedStatus = (input.ExpectedStatus ?? "200-399").Replace(" ", "", StringComparison.Ordinal);
        monitor.BodyContains = Blank(input.BodyContains);
        monitor.CertificateWarningDays = input.CertificateWarningDays;
        monitor.Host = monitor.Kind == MonitorKind.Tcp ? input.Host?.Trim() : null;
        monitor.Port = monitor.Kind == MonitorKind.Tcp ? input.Port : null;
        monitor.IntervalSeconds = input.IntervalSeconds;
        monitor.TimeoutSeconds = Math.Min(input.TimeoutSeconds, input.IntervalSeconds);
        monitor.FailuresToOpen = input.FailuresToOpen;
        monitor.Critical = input.Critical;
        monitor.IsActive = input.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return MonitorResponse.Of(monitor, token);
    }

    /// A new heartbeat token; the old one stops working at once.
    public async Task<MonitorResponse> RenewPushTokenAsync(int id, CancellationToken cancellationToken)
    {
        var monitor = await db.Set<ServiceMonitor>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException("Monitor", id);
        if (monitor.Kind != MonitorKind.Push)
        {
            throw new RuleViolationException("monitor.not-push", text["Only a heartbeat monitor has a token."]);
        }

        var token = PushTokens.NewToken();
        monitor.PushTokenHash = PushTokens.HashOf(token);
        monitor.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return MonitorResponse.Of(monitor, token);
    }

    private void Stale(int stored, int given, string code)
    {
        if (stored != given)
        {
            throw new RuleViolationException(code, text["Someone else changed this meanwhile. Reload and try again."], isConflict: true);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
