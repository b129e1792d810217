using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Goldfeder.Common.Shared;

/// <summary>
/// A fixed window of <c>permits</c> per key, counted in <see cref="SharedCounters"/> (Redis: one count for every
/// instance). There is no synchronous answer without a round trip, so <see cref="AttemptAcquireCore"/> always says no
/// and ASP.NET Core's rate-limiting middleware goes on to <see cref="AcquireAsyncCore"/>, which counts.
/// </summary>
public sealed class SharedWindowLimiter(SharedCounters counters, string key, int permits, TimeSpan window) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0) return Lease.Granted;
        return await counters.AddAsync(key, window) <= permits ? Lease.Granted : Lease.Refused;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
