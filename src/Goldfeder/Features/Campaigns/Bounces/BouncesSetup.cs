using Goldfeder.Data;
using Goldfeder.Mail;

namespace Goldfeder.Features.Campaigns.Bounces;

public static class BouncesSetup
{
    private static readonly string[] Placeholders = ["change-me", "changeme", "secret", "password", "passwort"];

    public static IServiceCollection AddBounces(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<BounceOptions>().Bind(config.GetSection("Bounces"))
            .RequireInProduction(o => o.Sns.CertificateFile is null, "Bounces:Sns:CertificateFile is for tests only: in Production the signing certificate comes from Amazon (SigningCertURL).")
            .RequireInProduction(o => o.Postmark.Password is null || Strong(o.Postmark.Password), "Bounces:Postmark:Password is a placeholder or shorter than 16 characters.")
            .RequireInProduction(o => o.Imap.Host is null || !string.IsNullOrEmpty(o.Imap.Password) && !Placeholders.Contains(o.Imap.Password.ToLowerInvariant()), "Bounces:Imap:Password is missing or a placeholder.")
            .RequireInProduction(o => o.Imap.Host is null || !o.Imap.Security.Equals("None", StringComparison.OrdinalIgnoreCase) || o.Imap.Host is "localhost" or "127.0.0.1" or "::1", "Bounces:Imap:Security is None for a mailbox that is not on this machine.")
            .RequireInProduction(o => o.ReturnPath is null || o.ReturnPath.Contains('@') && !LocalAddress.IsLocal(o.ReturnPath), "Bounces:ReturnPath is not a real address.");
        services.AddSingleton<DeliveryToken>();
        services.AddSingleton<SnsVerifier>();
        services.AddScoped<BounceRecorder>();
        services.AddSingleton<ImapBouncePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<ImapBouncePoller>());
        return services;
    }

    private static bool Strong(string password) => password.Length >= 16 && !password.StartsWith("change", StringComparison.OrdinalIgnoreCase);
}
