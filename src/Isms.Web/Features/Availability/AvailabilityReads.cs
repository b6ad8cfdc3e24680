using Isms.Core.Availability;
using Isms.Core.Calendars;
using Isms.Web.Data;
using Isms.Web.Features.Availability.Probing;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.Availability;

public sealed record DayBar(DateOnly Date, double? Availability, long DowntimeSeconds, long UnknownSeconds, long PlannedSeconds);

public sealed record MonitorStatus(int Id, string Name, [property: System.Text.Json.Serialization.JsonConverter(typeof(MonitorKindJson))] MonitorKind Kind, bool Critical, bool? LastSuccess, DateTimeOffset? LastSampleAt,
    int? LastLatencyMs, string? LastError, DateTimeOffset? CertificateExpiresAt);

public sealed record ServiceStatus(
    int Id, string Name, string? NameZh, ServiceState State, decimal Target, double? YearAvailability, long YearErrorBudgetSeconds, long YearUnknownSeconds,
    IReadOnlyList<DayBar> Days, IReadOnlyList<OutageResponse> CurrentOutages, IReadOnlyList<MaintenanceResponse> Maintenance);

/// The figures and the status page, computed from outages, gaps and maintenance (never raw results).
public sealed class AvailabilityReads(IsmsDbContext db, ServiceHistories histories, OutageRecords outages, TimeProvider clock, AgencyTime agency)
{
    public const int StatusDays = 90;

    public async Task<ServiceFiguresResponse?> FiguresAsync(int serviceId, Interval period, CancellationToken cancellationToken)
    {
        var record = (await histories.ReadAsync([serviceId], period, cancellationToken)).SingleOrDefault();
        return record is null ? null : ServiceFiguresResponse.Of(record, await ComputeAsync(record, period, cancellationToken));
    }

    public async Task<IReadOnlyList<ServiceFiguresResponse>> AllFiguresAsync(Interval period, CancellationToken cancellationToken)
    {
        var counts = await MaintenanceCountsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return (await histories.ReadAsync(null, period, cancellationToken))
            .Select(r => ServiceFiguresResponse.Of(r, AvailabilityFigures.Compute(r.History, r.Maintenance, period, now, r.Service.Target, counts))).ToList();
    }

    public async Task<IReadOnlyList<ServiceStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = agency.DateAt(now);
        var first = today.AddDays(1 - StatusDays);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var window = agency.Range(first < yearStart ? first : yearStart, new DateOnly(today.Year, 12, 31));
        var counts = await MaintenanceCountsAsync(cancellationToken);
        var records = await histories.ReadAsync(null, window, cancellationToken);
        var open = await outages.ListAsync(null, now, now.AddSeconds(1), cancellationToken);
        var announced = await db.Set<MaintenanceWindow>().AsNoTracking().Where(m => m.End > now).OrderBy(m => m.Start).ToListAsync(cancellationToken);
        return records.Select(r =>
        {
            var year = AvailabilityFigures.Compute(r.History, r.Maintenance, agency.Year(today.Year), now, r.Service.Target, counts);
            var days = Enumerable.Range(0, StatusDays).Select(i => first.AddDays(i)).Select(d =>
            {
                var f = AvailabilityFigures.Compute(r.History, r.Maintenance, agency.Day(d), now, r.Service.Target, counts);
                return new DayBar(d, f.Availability, f.UnplannedDowntimeSeconds, f.UnknownSeconds, f.PlannedSeconds);
            }).ToList();
            return new ServiceStatus(r.Service.Id, r.Service.Name, r.Service.NameZh, r.State, r.Service.Target, year.Availability, year.ErrorBudgetLeftSeconds, year.UnknownSeconds,
                days, open.Where(o => o.ServiceIds.Contains(r.Service.Id) && o.End is null && !o.NotServiceFault).ToList(),
                announced.Where(m => m.ServiceId == r.Service.Id).Select(MaintenanceResponse.Of).ToList());
        }).ToList();
    }

    public async Task<IReadOnlyList<MonitorStatus>> MonitorStatusAsync(int serviceId, CancellationToken cancellationToken) =>
        await db.Set<ServiceMonitor>().AsNoTracking().Where(m => m.ServiceId == serviceId)
            .GroupJoin(db.Set<MonitorState>().AsNoTracking(), m => m.Id, s => s.MonitorId, (m, s) => new { m, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new MonitorStatus(x.m.Id, x.m.Name, x.m.Kind, x.m.Critical,
                s == null ? null : s.LastSuccess, s == null ? null : s.LastSampleAt, s == null ? null : s.LastLatencyMs,
                s == null ? null : s.LastError, s == null ? null : s.CertificateExpiresAt))
            .ToListAsync(cancellationToken);

    private async Task<AvailabilityFigures> ComputeAsync(ServiceRecord record, Interval period, CancellationToken cancellationToken) =>
        AvailabilityFigures.Compute(record.History, record.Maintenance, period, clock.GetUtcNow(), record.Service.Target, await MaintenanceCountsAsync(cancellationToken));

    private async Task<bool> MaintenanceCountsAsync(CancellationToken cancellationToken) =>
        await db.Set<AvailabilitySetting>().AsNoTracking().Select(s => s.MaintenanceCountsAsDowntime).FirstOrDefaultAsync(cancellationToken);
}
