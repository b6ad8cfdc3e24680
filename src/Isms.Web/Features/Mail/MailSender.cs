using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Isms.Web.Features.Mail;

/// The seam to the mail server (STYLE rule 4): tests point it at an SMTP server of their own.
public interface IMailSender
{
    bool IsConfigured { get; }

    Task SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken);
}

/// Sends over SMTP with MailKit, one connection for a batch.
public sealed class SmtpMailSender(IOptionsMonitor<MailOptions> options) : IMailSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Host);

    public async Task SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var client = new SmtpClient();
        var security = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        foreach (var mail in mails)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(MailboxAddress.Parse(mail.To));
            message.Subject = mail.Subject;
            message.Body = new TextPart("plain") { Text = mail.Body };
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
