using Goldfeder.Features.Articles;

namespace Goldfeder.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ArticleSearch>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IArticleSaveListener>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddHostedService<SearchIndexCatchUp>();
        services.AddSingleton<SearchIndexSync>();
        services.AddHostedService<SearchIndexRefresher>();
        services.AddOutputCache(o => SearchCache.Configure(o, config.GetValue("Search:CacheSeconds", 60)));
        return services;
    }
}
