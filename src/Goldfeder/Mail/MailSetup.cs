using Microsoft.Extensions.Options;

namespace Goldfeder.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.Configure<OutboxOptions>(config.GetSection("Mail:Outbox"));
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>();
            if (!string.IsNullOrWhiteSpace(options.Value.Smtp.Host)) return new SmtpMailTransport(options);
            return new PickupFolderTransport(PickupFolder(options.Value, env));
        });
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddHostedService<OutboxSender>();
        return services;
    }

    public static string PickupFolder(MailOptions options, IHostEnvironment env) =>
        Path.GetFullPath(options.PickupDirectory ?? Path.Combine("data", "mail-pickup"), env.ContentRootPath);
}
