using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Common.Shared;

public static class SharedSetup
{
    /// <summary>
    /// What several instances (and operator commands) share: cache evictions through the database and, with
    /// <c>ConnectionStrings:Redis</c>, through Redis pub/sub; rate-limit counters in Redis. Call after AddOutputCache:
    /// the store it registered becomes this process's local copy inside <see cref="SharedOutputCacheStore"/>.
    /// </summary>
    public static IServiceCollection AddSharedAcrossInstances(this IServiceCollection services, IConfiguration config)
    {
        var redis = config.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(sp => new SharedRedis(redis, sp.GetRequiredService<ILogger<SharedRedis>>()));
            services.AddHealthChecks().AddCheck<RedisHealth>("redis");
            // Kept for bench/scale.sh, which measured it against local copies (Site/CONTEXT.md): pages in Redis.
            if (config.GetValue("Site:OutputCacheInRedis", false))
                services.AddStackExchangeRedisOutputCache(o => o.Configuration = redis);
        }
        services.AddSingleton<SharedCounters>();

        var local = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(local);
        services.AddSingleton<EvictionsSeen>();
        services.AddSingleton(sp => Create(local, sp) is var inner && inner is IOutputCacheBufferStore buffered
            ? ActivatorUtilities.CreateInstance<BufferedSharedOutputCacheStore>(sp, buffered)
            : ActivatorUtilities.CreateInstance<SharedOutputCacheStore>(sp, inner));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<SharedOutputCacheStore>());
        services.AddHostedService<EvictionFollower>();
        return services;
    }

    private static IOutputCacheStore Create(ServiceDescriptor d, IServiceProvider sp) => (IOutputCacheStore)(
        d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
