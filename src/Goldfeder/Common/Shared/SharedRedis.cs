using StackExchange.Redis;

namespace Goldfeder.Common.Shared;

/// <summary>
/// The one connection to Redis (<c>ConnectionStrings:Redis</c>), when there is one. It never blocks the site: the
/// client connects and reconnects in the background (<c>AbortOnConnectFail=false</c>), each call gives up after a
/// second, and whoever uses it falls back to what this instance knows alone while <see cref="IsConnected"/> is false.
/// An outage is logged once when it starts and once when it ends.
/// </summary>
public sealed class SharedRedis : IDisposable
{
    /// <summary>This process, so that it can tell its own messages from other instances'.</summary>
    public static readonly string Instance = Guid.NewGuid().ToString("N");

    private readonly ConnectionMultiplexer _redis;
    private readonly ILogger<SharedRedis> _log;
    private int _down;

    public SharedRedis(string configuration, ILogger<SharedRedis> log)
    {
        _log = log;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName = "goldfeder-" + Instance[..8];
        _redis = ConnectionMultiplexer.Connect(options);
        _redis.ConnectionFailed += (_, e) => Down(e.FailureType.ToString());
        _redis.ConnectionRestored += (_, _) => Up();
        if (!_redis.IsConnected) Down("not reachable at start");
    }

    public bool IsConnected => _redis.IsConnected;

    public IDatabase Database => _redis.GetDatabase();

    public ISubscriber Subscriber => _redis.GetSubscriber();

    private void Down(string why)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
            _log.LogWarning("Redis is unavailable ({Why}): pages are still served; cache evictions reach other instances through the database, rate limits count per instance until it is back", why);
    }

    private void Up()
    {
        if (_redis.IsConnected && Interlocked.Exchange(ref _down, 0) == 1) _log.LogInformation("Redis is reachable again");
    }

    public void Dispose() => _redis.Dispose();
}
