using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Goldfeder.Common.Shared;

/// <summary>
/// Counters with an expiry, one per key, for the rate limits: in Redis when it is configured and reachable, so every
/// instance counts into the same number; in this process otherwise (no Redis, or Redis down: then each instance counts
/// alone, as before, rather than refusing everyone or letting everyone through).
/// Hand-written rather than RedisRateLimiting: that library has no fallback when Redis is down (every limited request
/// would fail), and the login throttle and the API-key limiter need plain counters, not <c>RateLimiter</c>s.
/// </summary>
public sealed class SharedCounters(TimeProvider clock, SharedRedis? redis = null)
{
    private const string Prefix = "goldfeder:count:";

    // INCR and the expiry in one step, so no counter is left without one. ARGV[2] = 1 moves the expiry on every count.
    private static readonly LuaScript Increment = LuaScript.Prepare("""
        local n = redis.call('INCR', @key)
        if n == 1 or tonumber(@slide) == 1 then redis.call('PEXPIRE', @key, @ms) end
        return n
        """);

    private readonly ConcurrentDictionary<string, (long Count, DateTime Until)> _local = new();

    /// <summary>Counts one more for the key and returns the count in its window. The window starts at the first count, or (slide) at the latest.</summary>
    public async ValueTask<long> AddAsync(string key, TimeSpan window, bool slide = false)
    {
        if (redis is { IsConnected: true })
        {
            try
            {
                var result = await redis.Database.ScriptEvaluateAsync(Increment, new { key = (RedisKey)(Prefix + key), ms = (long)window.TotalMilliseconds, slide = slide ? 1 : 0 });
                return (long)result;
            }
            catch (Exception e) when (e is not OperationCanceledException) { /* any Redis failure: counted here below, never a 500 */ }
        }
        var now = Now;
        var entry = _local.AddOrUpdate(key, _ => (1, now + window),
            (_, c) => c.Until > now ? (c.Count + 1, slide ? now + window : c.Until) : (1, now + window));
        if (_local.Count > 10_000) DropExpired(now);
        return entry.Count;
    }

    /// <summary>The key's count in its current window (0 when it has none).</summary>
    public async ValueTask<long> GetAsync(string key)
    {
        if (redis is { IsConnected: true })
        {
            try { return (long?)await redis.Database.StringGetAsync(Prefix + key) ?? 0; }
            catch (Exception e) when (e is not OperationCanceledException) { /* read here below */ }
        }
        return _local.TryGetValue(key, out var c) && c.Until > Now ? c.Count : 0;
    }

    public async ValueTask ResetAsync(string key)
    {
        _local.TryRemove(key, out _);
        if (redis is not { IsConnected: true }) return;
        try { await redis.Database.KeyDeleteAsync(Prefix + key); }
        catch (Exception e) when (e is not OperationCanceledException) { /* it expires by itself */ }
    }

    private void DropExpired(DateTime now)
    {
        foreach (var (key, c) in _local)
            if (c.Until <= now) _local.TryRemove(key, out _);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
