using Goldfeder.Data;

namespace Goldfeder.Features.Search;

/// <summary>
/// Indexes what the save hook did not see: articles saved before search existed, and the scheduler's publishing (which
/// changes no words, so its late re-index is harmless). Once at start and every <c>Search:CatchUpInterval</c> (ten
/// minutes); safe on several instances at once (both write the same document).
/// </summary>
public sealed class SearchIndexCatchUp(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<SearchIndexCatchUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(config.GetValue("Search:CatchUpInterval", TimeSpan.FromMinutes(10)), clock, log, "Catching up the search index", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var indexed = await SearchIndexer.CatchUpAsync(scope.ServiceProvider.GetRequiredService<GoldfederDb>(), ct);
            if (indexed > 0) log.LogInformation("Search index: indexed {Count} articles", indexed);
        }, stoppingToken);
}
