using Isms.Core.Availability;
using Isms.Web.Data;
using Isms.Web.Features.Availability.Probing;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability;

/// What is known of some services over a window, read from the stored outages, gaps and monitor
/// states (never from raw probe results), with the maintenance announced for them.
public sealed record ServiceRecord(AvailabilityService Service, MonitorHistory History, IReadOnlyList<Interval> Maintenance, ServiceState State);

public enum ServiceState
{
    Up,
    Degraded,
    Down,
    Maintenance,
    Unknown,
}

public sealed class ServiceHistories(IsmsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ServiceRecord>> ReadAsync(IReadOnlyCollection<int>? serviceIds, Interval window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var services = await db.Set<AvailabilityService>().AsNoTracking()
            .Where(s => serviceIds == null ? s.IsActive : serviceIds.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var ids = services.Select(s => s.Id).ToList();
        // Monitors taken out of use too: their outages stay in the figures.
        var monitors = await db.Set<ServiceMonitor>().AsNoTracking().Where(m => ids.Contains(m.ServiceId)).ToListAsync(cancellationToken);
        var monitorIds = monitors.Select(m => m.Id).ToList();
        var states = await db.Set<MonitorState>().AsNoTracking().Where(s => monitorIds.Contains(s.MonitorId)).ToDictionaryAsync(s => s.MonitorId, cancellationToken);
        var (start, end) = (window.Start, window.End);
        var gaps = (await db.Set<MonitorGap>().AsNoTracking().Where(g => monitorIds.Contains(g.MonitorId) && g.Start < end && g.End > start)
            .ToListAsync(cancellationToken)).ToLookup(g => g.MonitorId, g => new Interval(g.Start, g.End));
        var detected = (await db.Set<Outage>().AsNoTracking()
            .Where(o => o.MonitorId != null && monitorIds.Contains(o.MonitorId.Value) && o.Start < end && (o.End == null || o.End > start))
            .ToListAsync(cancellationToken)).ToLookup(o => o.MonitorId!.Value);
        var recorded = (await db.Set<Outage>().AsNoTracking()
            .Join(db.Set<OutageService>().AsNoTracking(), o => o.Id, s => s.OutageId, (o, s) => new { o, s.ServiceId })
            .Where(x => ids.Contains(x.ServiceId) && x.o.Source == OutageSource.Recorded && x.o.Start < end && (x.o.End == null || x.o.End > start))
            .ToListAsync(cancellationToken)).ToLookup(x => x.ServiceId, x => x.o);
        var maintenance = (await db.Set<MaintenanceWindow>().AsNoTracking()
            .Where(m => ids.Contains(m.ServiceId) && m.Start < end && m.End > start).ToListAsync(cancellationToken))
            .ToLookup(m => m.ServiceId, m => new Interval(m.Start, m.End));

        var result = new List<ServiceRecord>(services.Count);
        foreach (var service in services)
        {
            var all = monitors.Where(m => m.ServiceId == service.Id).ToList();
            var own = all.Where(m => m.IsActive).ToList();
            var critical = all.Any(m => m.Critical) ? all.Where(m => m.Critical).ToList() : all;
            var histories = critical.Select(m => MonitorHistoryOf(m, states.GetValueOrDefault(m.Id), gaps[m.Id], detected[m.Id], window, now)).ToList();
            // Time no critical monitor was there to watch (before the first was made, after the
            // last was taken out of use) is unknown too.
            var watched = Intervals.Clip(critical.Select(m => Lifetime(m, states.GetValueOrDefault(m.Id), now)), window);
            histories.Add(new MonitorHistory([], Intervals.Complement(watched, window)));
            var dismissed = critical.SelectMany(m => detected[m.Id]).Concat(recorded[service.Id])
                .Where(o => o.NotServiceFault).Select(o => Span(o, now)).ToList();
            var manual = recorded[service.Id].Where(o => !o.NotServiceFault).Select(o => Span(o, now)).ToList();
            var history = ServiceTimeline.Combine(histories, manual, dismissed, window);
            var windows = maintenance[service.Id].ToList();
            result.Add(new ServiceRecord(service, history, windows, StateOf(own, own.Any(m => m.Critical) ? own.Where(m => m.Critical).ToList() : own, states, detected, recorded[service.Id], windows, now)));
        }

        return result;
    }

    internal static MonitorHistory MonitorHistoryOf(
        ServiceMonitor monitor, MonitorState? state, IEnumerable<Interval> gaps, IEnumerable<Outage> outages, Interval window, DateTimeOffset now)
    {
        var stale = ProbeSpec.Of(monitor).StaleAfter;
        var unknown = new List<Interval>(gaps);
        // From the monitor's making to its first probe nothing was known; before it, the monitor
        // was not there (what that means for the service, ReadAsync decides).
        var firstData = state?.FirstSampleAt ?? now;
        var made = Max(window.Start, monitor.CreatedAt);
        if (firstData > made)
        {
            unknown.Add(new Interval(made, firstData));
        }

        if (monitor.IsActive && state?.LastSampleAt is { } last && last + stale < now)
        {
            unknown.Add(new Interval(last + stale, Max(last + stale, now)));
        }

        var unknownSet = Intervals.Clip(unknown, window);
        var down = outages.Where(o => !o.NotServiceFault).Select(o => Span(o, now));
        return new MonitorHistory(Intervals.Subtract(Intervals.Clip(down, window), unknownSet), unknownSet);
    }

    // An active monitor watches from its making on; one taken out of use, until its last probe went stale.
    private static Interval Lifetime(ServiceMonitor monitor, MonitorState? state, DateTimeOffset now)
    {
        var end = monitor.IsActive ? DateTimeOffset.MaxValue.AddYears(-1) : state?.LastSampleAt is { } last ? last + ProbeSpec.Of(monitor).StaleAfter : monitor.CreatedAt;
        return new Interval(monitor.CreatedAt, Max(monitor.CreatedAt, end));
    }

    private static ServiceState StateOf(
        List<ServiceMonitor> all, List<ServiceMonitor> critical, IReadOnlyDictionary<int, MonitorState> states,
        ILookup<int, Outage> detected, IEnumerable<Outage> recorded, IEnumerable<Interval> maintenance, DateTimeOffset now)
    {
        bool IsDown(ServiceMonitor m) => detected[m.Id].Any(o => o.End == null && !o.NotServiceFault);
        if (maintenance.Any(w => w.Contains(now)))
        {
            return ServiceState.Maintenance;
        }

        if (critical.Any(IsDown) || recorded.Any(o => o.End == null && !o.NotServiceFault))
        {
            return ServiceState.Down;
        }

        var stale = critical.Count == 0 || critical.Any(m => states.GetValueOrDefault(m.Id)?.LastSampleAt is not { } last || last + ProbeSpec.Of(m).StaleAfter < now);
        if (stale)
        {
            return ServiceState.Unknown;
        }

        return all.Any(IsDown) ? ServiceState.Degraded : ServiceState.Up;
    }

    private static Interval Span(Outage outage, DateTimeOffset now) => new(outage.Start, Max(outage.Start, outage.End ?? now));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
