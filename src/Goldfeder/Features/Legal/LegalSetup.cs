using Goldfeder.Common;
using Goldfeder.Data;

namespace Goldfeder.Features.Legal;

public static class LegalSetup
{
    public static IServiceCollection AddLegal(this IServiceCollection services)
    {
        services.AddScoped<LegalPageSaver>();
        services.AuthorizeAdminFolder("Legal", Roles.Admin);
        return services;
    }

    /// <summary>
    /// Placeholders with <c>DemoContent:Load</c>; then, a fresh install still starts (so the Admin can write the pages),
    /// but the operator's log warns while the Impressum (§ 5 DDG) or the Datenschutzerklärung (Art. 13 GDPR) is missing.
    /// </summary>
    public static async Task PrepareLegalPagesAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("DemoContent:Load")) await LegalDemoContent.LoadAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var missing = await LegalStatus.MissingAsync(scope.ServiceProvider.GetRequiredService<GoldfederDb>());
        if (missing.Count > 0)
            app.Logger.LogWarning("Legal pages missing or still placeholders: {Pages}. A German site needs both (§ 5 DDG, Art. 13 GDPR); an Admin writes them at /admin/rechtliches.",
                string.Join(", ", missing));
    }
}
