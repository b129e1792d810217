using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Campaigns.Bounces;

namespace Goldfeder.Features.Campaigns;

public static class CampaignsSetup
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<CampaignOptions>(config.GetSection("Campaigns"));
        services.AddSingleton<CampaignMail>();
        services.AddSingleton<CampaignSignal>();
        services.AddScoped<CampaignControl>();
        services.AddScoped<CampaignRelayChoice>();
        services.AddSingleton<ApiKeyCheck>();
        services.AddScoped<SubscriberImport>();
        services.AddScoped<CampaignAudience>();
        services.AddScoped<StaleSubscribers>();
        services.AddScoped<BounceRates>();
        services.AddScoped<IPersonalData, CampaignPersonalData>();
        services.AddSingleton<CampaignSender>();
        services.AddHostedService(sp => sp.GetRequiredService<CampaignSender>());
        services.AddBounces(config);
        services.AddOpenApi();
        services.AuthorizeAdminFolder("Campaigns", Roles.Admin, Roles.Marketing);
        return services;
    }

    /// <summary>The JSON admin API and its OpenAPI document.</summary>
    public static WebApplication MapCampaigns(this WebApplication app)
    {
        app.MapCampaignsApi();
        app.MapBounceWebhooks();
        app.MapNewsletterWebVersion();
        app.MapOpenApi();
        return app;
    }
}
