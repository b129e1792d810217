using Goldfeder.Features.Site;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

public static class CareersSetup
{
    public const string ApplicationRateLimit = "careers-application";

    public static IServiceCollection AddCareers(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<CareersOptions>(config.GetSection("Careers"));
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<CareersMails>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicationReview>();
        services.AddScoped<ApplicationDeletion>();
        services.AddScoped<PostingEditor>();
        services.AddScoped<PostingSaver>();
        services.AddHostedService<ApplicationRetention>();

        services.Configure<RateLimiterOptions>(o => o.AddPostsPerIp(ApplicationRateLimit, sp =>
        {
            var options = sp.GetRequiredService<IOptions<CareersOptions>>().Value;
            return (options.ApplicationsPerIpPerWindow, options.ApplicationWindow);
        }));
        return services;
    }
}
