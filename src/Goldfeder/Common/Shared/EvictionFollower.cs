using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Goldfeder.Common.Shared;

/// <summary>
/// Applies other processes' evictions to this instance's cache: from Redis at once when it is there, and from the
/// database (<see cref="CacheEviction"/>) every <c>Site:EvictionPollInterval</c> (one second) always, so an operator
/// command, an instance without Redis, or an eviction published while Redis was down still arrives. The poll reads
/// an index range that is empty almost always. Rows older than two hours (twice the longest a page is cached) are
/// deleted now and then; every instance may do that, it is the same DELETE.
/// </summary>
public sealed class EvictionFollower(
    SharedOutputCacheStore cache, EvictionsSeen seen, IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock,
    ILogger<EvictionFollower> log, SharedRedis? redis = null) : BackgroundService
{
    private static readonly TimeSpan KeepRows = TimeSpan.FromHours(2);
    private DateTime _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis is not null) await SubscribeAsync();
        await Periodic.RunAsync(config.GetValue("Site:EvictionPollInterval", TimeSpan.FromSeconds(1)), clock, log, "Following cache evictions", PollAsync, stoppingToken);
    }

    private async Task SubscribeAsync()
    {
        try
        {
            // StackExchange.Redis subscribes again by itself after a reconnect.
            await redis!.Subscriber.SubscribeAsync(RedisChannel.Literal(SharedOutputCacheStore.Channel), (channel, message) =>
            {
                var text = message.ToString();
                var space = text.IndexOf(' ');
                if (space < 0 || text.AsSpan(0, space).SequenceEqual(SharedRedis.Instance)) return;
                _ = cache.Local.EvictByTagAsync(text[(space + 1)..], CancellationToken.None).AsTask();
            });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("Could not subscribe to cache evictions on Redis yet ({Error}); the database carries them meanwhile", e.Message);
        }
    }

    public async Task PollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        if (seen.Floor is not { } floor)
        {
            // A new process has an empty cache: nothing before now concerns it.
            seen.Start(await db.CacheEvictions.MaxAsync(e => (long?)e.Id, ct) ?? 0);
            return;
        }
        var rows = await db.CacheEvictions.AsNoTracking().Where(e => e.Id > floor).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Tag }).Take(1000).ToListAsync(ct);
        foreach (var tag in rows.Where(r => seen.IsNew(r.Id)).Select(r => r.Tag).Distinct())
            await cache.Local.EvictByTagAsync(tag, ct);
        seen.Advance();

        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddMinutes(10);
        await db.CacheEvictions.Where(e => e.AtUtc < now - KeepRows).ExecuteDeleteAsync(ct);
    }
}
