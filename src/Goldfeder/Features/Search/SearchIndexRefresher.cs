using Goldfeder.Data;

namespace Goldfeder.Features.Search;

/// <summary>
/// Loads this instance's search index at start, then compares it with the database every
/// <c>Search:IndexPollInterval</c> (2 s) for what the check before each search cannot see (<see cref="SearchIndexSync"/>).
/// </summary>
public sealed class SearchIndexRefresher(IServiceScopeFactory scopes, SearchIndexSync sync, IConfiguration config, ILogger<SearchIndexRefresher> log) : BackgroundService
{
    // The real clock, not the site's TimeProvider: the bound is wall time whatever the site's clock says.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(config.GetValue("Search:IndexPollInterval", TimeSpan.FromSeconds(2)), TimeProvider.System, log, "Refreshing the search index", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await sync.ReconcileAsync(scope.ServiceProvider.GetRequiredService<GoldfederDb>(), ct);
        }, stoppingToken);
}
