using Goldfeder.Data;
using Microsoft.Extensions.Options;

namespace Goldfeder.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.Configure<OutboxOptions>(config.GetSection("Mail:Outbox"));
        services.Configure<DkimOptions>(config.GetSection("Mail:Dkim"));
        services.AddSingleton<DkimSigning>();
        services.AddSingleton(sp => new MailTransports(sp.GetRequiredService<IOptions<MailOptions>>(), env));
        services.AddSingleton(sp => sp.GetRequiredService<MailTransports>().Shared);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<IPersonalData, OutboxPersonalData>();
        services.AddHostedService<OutboxSender>();
        return services;
    }

    public static string PickupFolder(MailOptions options, IHostEnvironment env) =>
        Path.GetFullPath(options.PickupDirectory ?? Path.Combine("data", "mail-pickup"), env.ContentRootPath);
}

/// <summary>
/// The configured transport: SMTP when <c>Mail:Smtp:Host</c> is set, else the pickup folder. <see cref="Shared"/> serves
/// the system mails; a bulk sender asks for <see cref="NewConnection"/> once per worker, so each keeps its own SMTP session.
/// </summary>
public sealed class MailTransports(IOptions<MailOptions> options, IHostEnvironment env)
{
    private readonly PickupFolderTransport? _pickup =
        string.IsNullOrWhiteSpace(options.Value.Smtp.Host) ? new PickupFolderTransport(MailSetup.PickupFolder(options.Value, env)) : null;
    private readonly Lazy<IMailTransport> _shared = new(() =>
        string.IsNullOrWhiteSpace(options.Value.Smtp.Host) ? new PickupFolderTransport(MailSetup.PickupFolder(options.Value, env)) : new SmtpMailTransport(options));

    public IMailTransport Shared => _shared.Value;

    public IMailTransport NewConnection() => (IMailTransport?)_pickup ?? new SmtpMailTransport(options);
}
