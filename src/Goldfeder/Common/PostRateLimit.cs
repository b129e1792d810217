using System.Threading.RateLimiting;
using Goldfeder.Common.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Goldfeder.Common;

public static class PostRateLimit
{
    /// <summary>
    /// A fixed window per client IP that counts POSTs only: reading a page is never limited. Beyond it the answer is
    /// 429, which the status code page turns into German. With Redis the window is one counter for all instances
    /// (<see cref="SharedWindowLimiter"/>); without it, ASP.NET Core's own limiter in this process.
    /// </summary>
    public static void AddPostsPerIp(this RateLimiterOptions o, string policy, Func<IServiceProvider, (int Permits, TimeSpan Window)> limits)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(policy, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            var (permits, window) = limits(http.RequestServices);
            var key = ClientAddress.LimitKey(http.Connection.RemoteIpAddress);
            if (http.RequestServices.GetService<SharedRedis>() is not null)
            {
                var counters = http.RequestServices.GetRequiredService<SharedCounters>();
                return RateLimitPartition.Get(key, k => new SharedWindowLimiter(counters, $"{policy}|{k}", permits, window));
            }
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
        });
    }
}
