using Goldfeder.Common;
using Goldfeder.Features.Articles.Images;
using Goldfeder.Features.Articles.WordpressImport;

namespace Goldfeder.Features.Articles;

public static class ArticlesSetup
{
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ImageOptions>(config.GetSection("Images"));
        services.AddScoped<ImageStore>();
        services.AddScoped<ArticleSaver>();
        services.AddScoped<ArticleEditor>();
        services.AddSingleton<PreviewLinks>();
        services.AddScoped<WordpressImporter>();
        services.AddHostedService<ScheduledPublisher>();
        services.AuthorizeAdminFolder("Articles", Roles.Admin, Roles.Editor);
        return services;
    }

    public static WebApplication MapArticles(this WebApplication app)
    {
        app.MapImages();
        return app;
    }

    /// <summary>The demo articles (with <c>DemoContent:Load</c>), loaded at start.</summary>
    public static async Task LoadArticleDemoContentAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("DemoContent:Load")) await DemoContent.LoadAsync(app.Services);
    }
}
