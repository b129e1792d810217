using Goldfeder.Features.Articles;

namespace Goldfeder.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<ArticleSearch>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IArticleSaveListener>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddHostedService<SearchIndexCatchUp>();
        return services;
    }
}
