using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Common;

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

    /// <summary>The tag of every cached page that shows the article: its own page, the lists and related boxes it is in.</summary>
    public static string Shows(int articleId) => $"shows-article-{articleId}";

    /// <summary>Tags the page being rendered with the articles it shows, so that editing one evicts just those pages.</summary>
    public static void TagShown(HttpContext http, IEnumerable<int> articleIds)
    {
        var cached = http.Features.Get<IOutputCacheFeature>();
        if (cached is null) return;
        foreach (var id in articleIds) cached.Context.Tags.Add(Shows(id));
    }

    /// <summary>Says when what the page shows last changed (<c>Last-Modified</c>, RFC 9110 §8.8.2); the output cache answers <c>If-Modified-Since</c> with it.</summary>
    public static void SetHeaders(HttpContext http, DateTime? lastModifiedUtc)
    {
        if (lastModifiedUtc is { } at)
            http.Response.Headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("R");
    }
}
