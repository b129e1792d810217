using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Goldfeder.Common;

public static class PostRateLimit
{
    /// <summary>
    /// A fixed window per client IP that counts POSTs only: reading a page is never limited. Beyond it the answer is
    /// 429, which the status code page turns into German.
    /// </summary>
    public static void AddPostsPerIp(this RateLimiterOptions o, string policy, Func<IServiceProvider, (int Permits, TimeSpan Window)> limits)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(policy, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            var (permits, window) = limits(http.RequestServices);
            return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.LimitKey(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
        });
    }
}
