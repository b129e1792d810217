using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Features.Site;

/// <summary>
/// The output-cache policy for everything an anonymous reader sees. ASP.NET Core's default policy already refuses to
/// cache responses that set a cookie or requests that carry Authorization, so per-visitor pages never land here.
/// </summary>
public static class PublicCache
{
    public const string Policy = "public";
    public const string Tag = "public";

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, b => b
            .Tag(Tag)
            .SetVaryByQuery("seite")
            // The cached body is the compressed one, so each encoding gets its own entry.
            .SetVaryByHeader("Accept-Encoding")
            .Expire(TimeSpan.FromHours(1)));
}
