using Goldfeder.Data;
using Microsoft.Extensions.Options;

namespace Goldfeder.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<MailOptions>().Bind(config.GetSection("Mail"))
            .RequireInProduction(o => !LocalAddress.IsLocal(o.From), "Mail:From is not set to the site's real sender (it still points at localhost).");
        services.Configure<OutboxOptions>(config.GetSection("Mail:Outbox"));
        services.Configure<DkimOptions>(config.GetSection("Mail:Dkim"));
        services.AddSingleton<DkimSigning>();
        services.AddSingleton(sp => new MailTransports(sp.GetRequiredService<IOptions<MailOptions>>(), env));
        services.AddSingleton(sp => sp.GetRequiredService<MailTransports>().Shared);
        services.AddSingleton<RelayPool>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<IPersonalData, OutboxPersonalData>();
        services.AddSingleton<MailMetrics>();
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<RelayFiguresWriter>();
        services.AddHealthChecks().AddCheck<OutboxHealth>("outbox");
        return services;
    }

    public static string PickupFolder(MailOptions options, IHostEnvironment env) =>
        Path.GetFullPath(options.PickupDirectory ?? Path.Combine("data", "mail-pickup"), env.ContentRootPath);
}
