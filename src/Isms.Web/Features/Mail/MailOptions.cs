namespace Isms.Web.Features.Mail;

public enum SmtpSecurity
{
    /// Plain SMTP: only for a relay on the same host or network.
    None,
    StartTls,
    Tls,
}

/// `Isms:Mail` in isms.json. Without a host, mails stay in the outbox unsent (and the status page says so).
public sealed class MailOptions
{
    public const string Section = "Isms:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "isms@localhost";

    /// How often the dispatcher looks for mails to send.
    public int PollSeconds { get; set; } = 15;

    public int MaxAttempts { get; set; } = 10;
}
