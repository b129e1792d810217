using System.Threading.RateLimiting;
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

        // Per IP, POSTs only: reading the postings is never limited. The status code page answers 429 in German.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ApplicationRateLimit, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            var options = http.RequestServices.GetRequiredService<IOptions<CareersOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.ApplicationsPerIpPerWindow,
                Window = options.ApplicationWindow,
                QueueLimit = 0,
            });
        }));
        return services;
    }
}
