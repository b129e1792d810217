using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Goldfeder.Common.Shared;

/// <summary>
/// Redis unreachable is "Degraded" (200), not "Unhealthy": the instance still serves every page, so the proxy must
/// keep sending readers to it; only limits and instant evictions are weaker until Redis is back.
/// </summary>
public sealed class RedisHealth(SharedRedis redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis is unreachable: rate limits count per instance, evictions go through the database."));
}
