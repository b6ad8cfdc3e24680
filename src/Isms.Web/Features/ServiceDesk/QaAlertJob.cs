using Isms.Core.Calendars;
using Isms.Web.Features.Calendar;
using Isms.Web.Platform.Jobs;

namespace Isms.Web.Features.ServiceDesk;

/// Every few minutes: tells assignees of forms at risk, and after the digest time (08:00 Taipei by
/// default) sends the day's digest of overdue forms. Safe on several nodes: each mail's reason is
/// unique, so a second node finds the news already queued.
public sealed class QaAlertJob(IServiceScopeFactory scopes, TimeProvider clock, AgencyTime agency, IConfiguration configuration, ILogger<QaAlertJob> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Every => TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Isms:ServiceDesk:AlertMinutes", 5)));

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var setting = await services.GetRequiredService<ServiceDeskSettings>().CurrentAsync(cancellationToken);
        var calendars = await services.GetRequiredService<WorkingCalendars>().LoadAsync(cancellationToken);
        var notifications = services.GetRequiredService<QaNotifications>();
        var now = Clock.GetUtcNow();
        await notifications.AtRiskAsync(calendars, now, setting.DayStart, setting.DayEnd, setting.AtRiskHours, cancellationToken);
        var digestAt = configuration.GetValue("Isms:ServiceDesk:DigestTime", new TimeOnly(8, 0));
        if (TimeOnly.FromDateTime(agency.ToLocal(now).DateTime) >= digestAt)
        {
            await notifications.DigestAsync(setting, now, cancellationToken);
        }
    }
}
