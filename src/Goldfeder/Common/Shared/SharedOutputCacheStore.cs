using System.Buffers;
using System.IO.Pipelines;
using Goldfeder.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Common.Shared;

/// <summary>
/// The output cache every feature evicts through: pages are kept in this process's memory (the hot path never leaves
/// the process), and an eviction is made here at once, written to the database for every other process
/// (<see cref="CacheEviction"/>, followed within <c>Site:EvictionPollInterval</c>), and, with Redis, published so the
/// other instances evict within milliseconds. Writing the row is the part that cannot be lost while Redis is down.
/// </summary>
public class SharedOutputCacheStore(
    IOutputCacheStore local, IServiceScopeFactory scopes, EvictionsSeen seen, TimeProvider clock, ILogger<SharedOutputCacheStore> log,
    SharedRedis? redis = null) : IOutputCacheStore
{
    public const string Channel = "goldfeder:evictions";

    /// <summary>This process's own cache, for evictions that came from elsewhere (and must not be passed on again).</summary>
    public IOutputCacheStore Local => local;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        await local.EvictByTagAsync(tag, ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
            var row = new CacheEviction { Tag = tag, AtUtc = clock.GetUtcNow().UtcDateTime };
            db.CacheEvictions.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
            seen.Own(row.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; only other instances see it late (at the latest when the page expires).
            log.LogError(e, "Could not record the cache eviction '{Tag}' for other instances", tag);
        }
        if (redis is { IsConnected: true })
        {
            try { await redis.Subscriber.PublishAsync(StackExchange.Redis.RedisChannel.Literal(Channel), SharedRedis.Instance + " " + tag); }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException) { /* the database row still carries it */ }
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => local.GetAsync(key, ct);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct) =>
        local.SetAsync(key, value, tags, validFor, ct);
}

/// <summary>
/// The same over a store that offers the buffer interface (the Redis store does): the output cache then reads and
/// writes it without copying. The in-memory store does not, and gets the plain class.
/// </summary>
public sealed class BufferedSharedOutputCacheStore(
    IOutputCacheBufferStore local, IServiceScopeFactory scopes, EvictionsSeen seen, TimeProvider clock, ILogger<SharedOutputCacheStore> log,
    SharedRedis? redis = null) : SharedOutputCacheStore(local, scopes, seen, clock, log, redis), IOutputCacheBufferStore
{
    public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken ct) => local.TryGetAsync(key, destination, ct);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken ct) =>
        local.SetAsync(key, value, tags, validFor, ct);
}
