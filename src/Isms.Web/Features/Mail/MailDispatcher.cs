using Isms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Isms.Web.Features.Mail;

/// Sends what waits in the outbox, every few seconds, retrying a failed mail later with a growing
/// delay. Several nodes may run it: a mail is marked sent in its own save, and the Version-free
/// race costs at most a duplicate mail, never a lost one.
public sealed partial class MailDispatcher(IServiceScopeFactory scopes, IMailSender sender, IOptionsMonitor<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.DispatchFailed(logger, e);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.PollSeconds)), clock, stoppingToken);
        }
    }

    /// One round: every mail due now. Public so that a verb or a test can send without waiting.
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!sender.IsConfigured)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IsmsDbContext>();
        var now = clock.GetUtcNow();
        var max = options.CurrentValue.MaxAttempts;
        var due = await db.Set<OutgoingMail>()
            .Where(m => m.SentAt == null && m.Attempts < max && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id).Take(50).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        try
        {
            await sender.SendAsync(due, cancellationToken);
            foreach (var mail in due)
            {
                mail.SentAt = clock.GetUtcNow();
                mail.Attempts++;
                mail.LastError = null;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SendFailed(logger, due.Count, e.Message);
            foreach (var mail in due)
            {
                mail.Attempts++;
                mail.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                mail.NextAttemptAt = now.AddMinutes(Math.Min(60, 1 << Math.Min(mail.Attempts, 6)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count(m => m.SentAt is not null);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The mail dispatcher failed.")]
        public static partial void DispatchFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} mail(s) failed: {Reason}; they are tried again later.")]
        public static partial void SendFailed(ILogger logger, int count, string reason);
    }
}
