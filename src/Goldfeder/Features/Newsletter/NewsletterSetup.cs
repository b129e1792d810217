using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

public static class NewsletterSetup
{
    public const string SignupRateLimit = "newsletter-signup";

    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NewsletterOptions>(config.GetSection("Newsletter"));
        services.AddSingleton<Signup>();
        services.AddSingleton<ConsentTexts>();
        services.AddHostedService<SignupWriter>();
        services.AddScoped<Confirmation>();
        services.AddScoped<Withdrawal>();
        services.AddScoped<ConsentLedger>();
        services.AddSingleton<NewsletterMails>();
        services.AddSingleton<WithdrawalTokens>();
        services.AddHostedService<UnconfirmedSignupCleaner>();

        services.AddRateLimiter(o =>
        {
            // The status code page then answers 429 in German.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignupRateLimit, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var options = http.RequestServices.GetRequiredService<IOptions<NewsletterOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.SignupsPerIpPerWindow,
                    Window = options.SignupWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
