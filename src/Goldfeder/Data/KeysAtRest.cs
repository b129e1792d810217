using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Goldfeder.Data;

/// <summary>
/// ASP.NET Core Data Protection (admin cookies, antiforgery tokens, the secrets in <see cref="Secrets"/>) with its key
/// ring in the database, so it survives restarts and is shared by every instance. With
/// <c>DataProtection:CertificateFile</c> (a PKCS#12 file with a private key, kept outside the database) the keys are
/// encrypted at rest, so a copy of the database alone cannot forge a cookie. Production refuses to start without it.
/// </summary>
public static class KeysAtRest
{
    public sealed class Options
    {
        public string? CertificateFile { get; set; }
        public string? CertificatePassword { get; set; }
    }

    public static IServiceCollection AddKeysAtRest(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("DataProtection");
        services.AddOptions<Options>().Bind(section)
            .RequireInProduction(o => !string.IsNullOrWhiteSpace(o.CertificateFile), "DataProtection:CertificateFile is missing: the keys that sign admin cookies would lie unencrypted in the database (see deploy/README.md).");
        var keys = services.AddDataProtection().SetApplicationName("Goldfeder").PersistKeysToDbContext<GoldfederDb>();
        if (section.Get<Options>() is { CertificateFile.Length: > 0 } options)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificateFile, options.CertificatePassword);
            // Linux has no machine store to find the certificate in when a key is read back: name it for both ways.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }
}
