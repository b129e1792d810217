using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Feeds;

/// <summary>
/// The route table for feeds, sitemaps and robots.txt. Every answer is output-cached as a public page and carries
/// absolute addresses from <c>Site:BaseUrl</c> (<see cref="SiteUrls"/>).
/// </summary>
public static class FeedEndpoints
{
    public const int FeedItems = 20;
    private const string Rss = "application/rss+xml; charset=utf-8";
    private const string Xml = "application/xml; charset=utf-8";

    public static void MapFeedEndpoints(this WebApplication app)
    {
        app.MapGet("/rss.xml", FrontPageFeedAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/thema/{slug}/rss.xml", TopicFeedAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/sitemap.xml", SitemapIndexAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/sitemaps/artikel-{page:int}.xml", ArticleSitemapAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/sitemaps/themen.xml", TopicSitemapAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/sitemaps/news.xml", NewsSitemapAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/robots.txt", Robots).CacheOutput(PublicCache.Policy);
    }

    private static async Task<IResult> FrontPageFeedAsync(HttpContext http, GoldfederDb db, IOptions<SiteOptions> site, CancellationToken ct)
    {
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var items = await LatestAsync(db.Articles.Published(), ct);
        PublicCache.TagShown(http, items.Select(i => i.Id));
        return Results.Bytes(RssFeed.Write(baseUrl, site.Value.Brand, baseUrl + "/", $"Die neuesten Nachrichten von {site.Value.Brand}", baseUrl + "/rss.xml", items), Rss);
    }

    private static async Task<IResult> TopicFeedAsync(string slug, HttpContext http, GoldfederDb db, IOptions<SiteOptions> site, CancellationToken ct)
    {
        if (!Slug.IsValid(slug) || await db.TopicNameAsync(slug, ct) is not { } name) return Results.NotFound();
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var items = await LatestAsync(db.Articles.Published().InTopic(slug), ct);
        PublicCache.TagShown(http, items.Select(i => i.Id));
        var topicUrl = SiteUrls.Topic(baseUrl, slug);
        return Results.Bytes(RssFeed.Write(baseUrl, $"{name} – {site.Value.Brand}", topicUrl, $"Nachrichten zum Thema {name} von {site.Value.Brand}", topicUrl + "/rss.xml", items), Rss);
    }

    private static Task<List<FeedArticle>> LatestAsync(IQueryable<Article> articles, CancellationToken ct) =>
        FeedArticle.From(articles.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(FeedItems)).ToListAsync(ct);

    private static async Task<IResult> SitemapIndexAsync(HttpContext http, GoldfederDb db, IOptions<SiteOptions> site, CancellationToken ct)
    {
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var count = await db.Articles.Published().CountAsync(ct);
        var last = await db.Articles.Published().MaxAsync(a => (DateTime?)a.UpdatedAtUtc, ct);
        var pages = Math.Max(1, (count + Sitemaps.MaxUrls - 1) / Sitemaps.MaxUrls);
        var entries = Enumerable.Range(1, pages).Select(p => new Sitemaps.Entry($"{baseUrl}/sitemaps/artikel-{p}.xml", last))
            .Append(new Sitemaps.Entry($"{baseUrl}/sitemaps/themen.xml", last))
            .Append(new Sitemaps.Entry($"{baseUrl}/sitemaps/news.xml", last));
        return Results.Bytes(Sitemaps.Index(entries), Xml);
    }

    private static async Task<IResult> ArticleSitemapAsync(int page, HttpContext http, GoldfederDb db, IOptions<SiteOptions> site, CancellationToken ct)
    {
        if (page < 1) return Results.NotFound();
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var articles = await db.Articles.Published()
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * Sitemaps.MaxUrls).Take(Sitemaps.MaxUrls)
            .Select(a => new { a.Slug, a.UpdatedAtUtc })
            .ToListAsync(ct);
        if (articles.Count == 0 && page > 1) return Results.NotFound();
        return Results.Bytes(Sitemaps.UrlSet(articles.Select(a => new Sitemaps.Entry(SiteUrls.Article(baseUrl, a.Slug), a.UpdatedAtUtc))), Xml);
    }

    /// <summary>The front page and every topic with a published article.</summary>
    private static async Task<IResult> TopicSitemapAsync(HttpContext http, GoldfederDb db, IOptions<SiteOptions> site, CancellationToken ct)
    {
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var topics = await db.PublicTopicsAsync(ct);
        var last = await db.Articles.Published().MaxAsync(a => (DateTime?)a.UpdatedAtUtc, ct);
        var entries = topics.Select(t => new Sitemaps.Entry(SiteUrls.Topic(baseUrl, t.Slug), t.LastModifiedUtc))
            .Prepend(new Sitemaps.Entry(baseUrl + "/", last));
        return Results.Bytes(Sitemaps.UrlSet(entries), Xml);
    }

    /// <summary>Articles published in the last 48 hours, as Google News wants them (an empty file is fine).</summary>
    private static async Task<IResult> NewsSitemapAsync(HttpContext http, GoldfederDb db, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-48);
        var articles = await db.Articles.Published()
            .Where(a => a.PublishedAtUtc >= since)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(Sitemaps.MaxNews)
            .Select(a => new { a.Id, a.Slug, a.Title, a.PublishedAtUtc })
            .ToListAsync(ct);
        PublicCache.TagShown(http, articles.Select(a => a.Id));
        return Results.Bytes(Sitemaps.News(site.Value.Brand, articles.Select(a => new Sitemaps.NewsEntry(SiteUrls.Article(baseUrl, a.Slug), a.Title, a.PublishedAtUtc))), Xml);
    }

    /// <summary>Crawlers stay out of the admin and the search results (which are <c>noindex</c> as well); the sitemap is named.</summary>
    private static IResult Robots(HttpContext http, IOptions<SiteOptions> site) =>
        Results.Text($"""
            User-agent: *
            Disallow: /admin
            Disallow: /suche

            Sitemap: {SiteUrls.BaseUrl(site.Value, http.Request)}/sitemap.xml

            """, "text/plain; charset=utf-8");
}
