namespace Isms.Web.Features.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<MailDispatcher>());
        return services;
    }
}
