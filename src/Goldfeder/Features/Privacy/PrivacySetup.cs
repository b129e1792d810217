using Goldfeder.Common;
using Goldfeder.Data;

namespace Goldfeder.Features.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<SubjectRequestLog>();
        services.AddScoped<IPersonalData, SubjectRequestPersonalData>();
        services.AddScoped<IDueDeletions, DueSubjectRequestDeletions>();
        services.AddSingleton<SubjectRequestRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<SubjectRequestRetention>());
        // The same people as the officer's page /admin/datenschutz (Newsletter's admin folder).
        services.AuthorizeAdminFolder("Privacy", Roles.Admin, Roles.DataProtection);
        return services;
    }
}
