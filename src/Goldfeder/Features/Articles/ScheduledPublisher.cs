using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>
/// Publishes scheduled articles whose time has come, every 30 seconds (<c>Articles:PublishInterval</c>) and once at start, so an article appears
/// within a minute of its time, also when the site was down at that moment.
/// </summary>
public sealed class ScheduledPublisher(
    IServiceScopeFactory scopes, IOutputCacheStore cache, IConfiguration config, TimeProvider clock, ILogger<ScheduledPublisher> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(config.GetValue("Articles:PublishInterval", TimeSpan.FromSeconds(30)), clock, log, "Publishing scheduled articles", async ct =>
        {
            var published = await PublishDueAsync(ct);
            if (published > 0) log.LogInformation("Published {Count} scheduled articles", published);
        }, stoppingToken);

    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAtUtc <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ArticleStatus.Published).SetProperty(a => a.UpdatedAtUtc, now), ct);
        if (published > 0) await cache.EvictByTagAsync(PublicCache.Tag, ct);
        ArticleMetrics.ScheduledPublished.Add(published);
        return published;
    }
}
