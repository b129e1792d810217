using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

public static class NewsletterSetup
{
    public const string SignupRateLimit = "newsletter-signup";

    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<NewsletterOptions>().Bind(config.GetSection("Newsletter"))
            .RequireInProduction(o => !LocalAddress.IsLocal(o.From), "Newsletter:From is not set to the newsletter's real sender (it still points at localhost).")
            .RequireInProduction(o => !string.IsNullOrWhiteSpace(o.Imprint), "Newsletter:Imprint is empty: every newsletter must name its sender (§ 5 DDG).");
        services.AddSingleton<Signup>();
        services.AddSingleton<ConsentTexts>();
        services.AddHostedService<SignupWriter>();
        services.AddScoped<Confirmation>();
        services.AddScoped<Withdrawal>();
        services.AddSingleton<NewsletterTopics>();
        services.AddScoped<Preferences>();
        services.AddScoped<Repermission>();
        services.AddHostedService<RepermissionExpiry>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<NewsletterPersonalData>();
        services.AddScoped<IPersonalData>(sp => sp.GetRequiredService<NewsletterPersonalData>());
        services.AddSingleton<NewsletterMails>();
        services.AddSingleton<IOutboxLetter>(sp => sp.GetRequiredService<NewsletterMails>());
        services.AddSingleton<WithdrawalTokens>();
        services.AddHostedService<UnconfirmedSignupCleaner>();
        services.AddScoped<IDueDeletions, DueSignupDeletions>();

        services.AddRateLimiter(o => o.AddPostsPerIp(SignupRateLimit, sp =>
        {
            var options = sp.GetRequiredService<IOptions<NewsletterOptions>>().Value;
            return (options.SignupsPerIpPerWindow, options.SignupWindow);
        }));
        services.AuthorizeAdminFolder("Newsletter", Roles.Admin, Roles.DataProtection);
        return services;
    }

    /// <summary>The demo topics (with <c>DemoContent:Load</c>), added at start when there are none.</summary>
    public static async Task LoadNewsletterDemoTopicsAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("DemoContent:Load")) await app.Services.GetRequiredService<NewsletterTopics>().LoadDemoAsync();
    }
}
