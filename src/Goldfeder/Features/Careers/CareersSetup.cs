using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

public static class CareersSetup
{
    public const string ApplicationRateLimit = "careers-application";

    public static IServiceCollection AddCareers(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CareersOptions>().Bind(config.GetSection("Careers"))
            .RequireInProduction(o => o.HrNotificationAddress is null || !LocalAddress.IsLocal(o.HrNotificationAddress), "Careers:HrNotificationAddress points at localhost: set HR's real address or remove it (then Mail:From is used).");
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<CareersMails>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicationReview>();
        services.AddScoped<ApplicationReplies>();
        services.AddScoped<ApplicationDeletion>();
        services.AddScoped<IPersonalData, CareersPersonalData>();
        services.AddScoped<PostingEditor>();
        services.AddScoped<PostingSaver>();
        services.AddHostedService<ApplicationRetention>();
        services.AddScoped<DueApplicationDeletions>();
        services.AddScoped<IDueDeletions>(sp => sp.GetRequiredService<DueApplicationDeletions>());

        services.Configure<RateLimiterOptions>(o => o.AddPostsPerIp(ApplicationRateLimit, sp =>
        {
            var options = sp.GetRequiredService<IOptions<CareersOptions>>().Value;
            return (options.ApplicationsPerIpPerWindow, options.ApplicationWindow);
        }));
        services.AuthorizeAdminFolder("Careers", Roles.Admin, Roles.HR);
        return services;
    }

    /// <summary>The demo postings (with <c>DemoContent:Load</c>), loaded at start.</summary>
    public static async Task LoadCareersDemoContentAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("DemoContent:Load")) await CareersDemoContent.LoadAsync(app.Services);
    }
}
