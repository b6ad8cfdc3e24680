using Isms.Core.Calendars;
using Isms.Web.Features.Calendar;

namespace Isms.Web.Features.ServiceDesk;

/// Every few minutes: tells assignees of forms at risk, and after the digest time (08:00 Taipei by
/// default) sends the day's digest of overdue forms. Safe on several nodes: each mail's reason is
/// unique, so a second node finds the news already queued.
public sealed partial class QaAlertJob(IServiceScopeFactory scopes, TimeProvider clock, AgencyTime agency, IConfiguration configuration, ILogger<QaAlertJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Isms:ServiceDesk:AlertMinutes", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, e);
            }

            await Task.Delay(every, clock, stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var setting = await services.GetRequiredService<ServiceDeskSettings>().CurrentAsync(cancellationToken);
        var calendars = await services.GetRequiredService<WorkingCalendars>().LoadAsync(cancellationToken);
        var notifications = services.GetRequiredService<QaNotifications>();
        var now = clock.GetUtcNow();
        await notifications.AtRiskAsync(calendars, now, setting.DayStart, setting.DayEnd, setting.AtRiskHours, cancellationToken);
        var digestAt = configuration.GetValue("Isms:ServiceDesk:DigestTime", new TimeOnly(8, 0));
        if (TimeOnly.FromDateTime(agency.ToLocal(now).DateTime) >= digestAt)
        {
            await notifications.DigestAsync(setting, now, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The service desk's alert job failed.")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
