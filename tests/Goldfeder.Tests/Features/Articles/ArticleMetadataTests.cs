using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Goldfeder.Common;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Articles;

/// <summary>What search engines and social networks read from an article and the lists, and the HTTP caching of public pages.</summary>
public sealed partial class ArticleMetadataTests(ArticleMetadataTests.Site app) : IClassFixture<ArticleMetadataTests.Site>
{
    public sealed class Site() : GoldfederApp(new() { ["Site:BaseUrl"] = "https://www.example.de" }), IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var picture = await this.UploadImageAsync(1600, 900, "Goldbarren im Tresor");
            await InScopeAsync(async s =>
            {
                var saver = s.GetRequiredService<ArticleSaver>();
                await saver.SaveAsync(new Article
                {
                    Slug = "mit-bild", Title = "Gold im Tresor", Author = "Erika Kaiser",
                    Lead = string.Join(' ', Enumerable.Repeat("Ein sehr langer Vorspann über Gold und Silber.", 10)),
                    BodyMarkdown = $"![Barren]({picture})\n\nText.", Status = ArticleStatus.Published,
                    PublishedAtUtc = new DateTime(2026, 2, 10, 18, 52, 0, DateTimeKind.Utc),
                    Categories = [new Category { Name = "Märkte", Slug = "maerkte" }], Tags = [new Tag { Name = "Gold", Slug = "gold" }],
                });
                await saver.SaveAsync(new Article
                {
                    Slug = "mit-beschreibung", Title = "Silber", Lead = "Kurz.", Description = "Die eigene Beschreibung der Redaktion.",
                    BodyMarkdown = "Text.", Status = ArticleStatus.Published, PublishedAtUtc = new DateTime(2026, 2, 9, 8, 0, 0, DateTimeKind.Utc),
                });
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static JsonElement[] JsonLd(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .SelectMany(s => JsonDocument.Parse(s.TextContent).RootElement is var root && root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToArray() : [root])
            .ToArray();

    private static string Meta(AngleSharp.Dom.IDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("content")!;

    [Fact]
    public async Task An_article_has_canonical_short_description_and_open_graph_and_twitter_tags()
    {
        var (_, page) = await app.GetPageAsync("/news/mit-bild");

        Assert.Equal("https://www.example.de/news/mit-bild", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var description = Meta(page, "meta[name=description]");
        Assert.InRange(description.Length, 100, ArticleMeta.MaxDescription);
        Assert.EndsWith("…", description);
        Assert.Equal("article", Meta(page, "meta[property='og:type']"));
        Assert.Equal("Gold im Tresor", Meta(page, "meta[property='og:title']"));
        Assert.Equal(description, Meta(page, "meta[property='og:description']"));
        Assert.Equal("https://www.example.de/news/mit-bild", Meta(page, "meta[property='og:url']"));
        // The share picture is the 16:9 crop at the size OpenGraph asks for.
        Assert.Matches(@"^https://www\.example\.de/bilder/[0-9a-f]{16}-16x9\.webp$", Meta(page, "meta[property='og:image']"));
        Assert.Equal("1200", Meta(page, "meta[property='og:image:width']"));
        Assert.Equal("675", Meta(page, "meta[property='og:image:height']"));
        Assert.Equal("Barren", Meta(page, "meta[property='og:image:alt']")); // the alt text the editor wrote in the Markdown
        Assert.Equal("summary_large_image", Meta(page, "meta[name='twitter:card']"));
        Assert.Equal("2026-02-10T19:52:00+01:00", Meta(page, "meta[property='article:published_time']"));
        Assert.Equal("Märkte", Meta(page, "meta[property='article:section']"));
    }

    [Fact]
    public async Task The_editors_description_replaces_the_lead_and_a_longer_one_is_refused_in_german()
    {
        var (_, page) = await app.GetPageAsync("/news/mit-beschreibung");
        Assert.Equal("Die eigene Beschreibung der Redaktion.", Meta(page, "meta[name=description]"));
        Assert.Equal("summary", Meta(page, "meta[name='twitter:card']"));

        var errors = await app.InScopeAsync(s => s.GetRequiredService<ArticleEditor>().ApplyAsync(
            new ArticleDraft { Title = "T", Lead = "L", Body = "B", Description = new string('x', 161) }, new Article { Slug = "", Title = "", Lead = "", BodyMarkdown = "" }, CancellationToken.None));
        Assert.Equal("Die Beschreibung für Suchmaschinen darf höchstens 160 Zeichen haben (jetzt 161).", errors["Description"]);
    }

    [Fact]
    public async Task NewsArticle_json_ld_has_googles_recommended_properties_and_a_breadcrumb()
    {
        var (_, page) = await app.GetPageAsync("/news/mit-bild");
        var items = JsonLd(page);

        var article = items.Single(i => i.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal("Gold im Tresor", article.GetProperty("headline").GetString());
        // Google asks for 16:9, 4:3 and 1:1, each at least 50,000 pixels; every address is served in its shape.
        var images = article.GetProperty("image").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(3, images.Count);
        foreach (var (url, ratio, width, height) in images.Zip([("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 900, 900)], (u, r) => (u, r.Item1, r.Item2, r.Item3)))
        {
            Assert.Matches(@$"^https://www\.example\.de/bilder/[0-9a-f]{{16}}-{ratio}\.webp$", url);
            var served = await app.Browser().GetAsync(new Uri(url).AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
            using var bitmap = SkiaSharp.SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        }
        Assert.Equal("2026-02-10T19:52:00+01:00", article.GetProperty("datePublished").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", article.GetProperty("dateModified").GetString());
        var author = article.GetProperty("author");
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Erika Kaiser", author.GetProperty("name").GetString());
        Assert.Equal("https://www.example.de/autor/erika-kaiser", author.GetProperty("url").GetString());
        var publisher = article.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Kettner Edelmetalle", publisher.GetProperty("name").GetString());
        Assert.Equal("https://www.example.de/img/logo.svg", publisher.GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal("https://www.example.de/news/mit-bild", article.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal(Meta(page, "meta[name=description]"), article.GetProperty("description").GetString());

        var crumbs = items.Single(i => i.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(["https://www.example.de/", "https://www.example.de/thema/maerkte", "https://www.example.de/news/mit-bild"], crumbs.Select(c => c.GetProperty("item").GetString()));
        Assert.Equal(["News", "Märkte", "Gold im Tresor"], page.QuerySelectorAll(".breadcrumbs li").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task The_logo_named_in_the_structured_data_is_served()
    {
        var response = await app.Browser().GetAsync("/img/logo.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Lists_carry_a_collection_page_with_the_articles_they_show()
    {
        var (_, front) = await app.GetPageAsync("/");
        var (_, topic) = await app.GetPageAsync("/thema/gold");

        foreach (var (page, canonical) in new[] { (front, "https://www.example.de/"), (topic, "https://www.example.de/thema/gold") })
        {
            Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            var collection = JsonLd(page).Single(i => i.GetProperty("@type").GetString() == "CollectionPage");
            var list = collection.GetProperty("mainEntity");
            Assert.Equal("ItemList", list.GetProperty("@type").GetString());
            var urls = list.GetProperty("itemListElement").EnumerateArray().Select(e => e.GetProperty("url").GetString()).ToList();
            Assert.Equal(page.QuerySelectorAll(".news-item h2 a").Select(a => "https://www.example.de" + a.GetAttribute("href")), urls);
        }
    }

    [Fact]
    public async Task Lists_show_the_lead_image_as_teaser_picture()
    {
        var (_, front) = await app.GetPageAsync("/");

        var item = front.QuerySelectorAll(".news-item").Single(i => i.QuerySelector("h2 a")!.GetAttribute("href") == "/news/mit-bild");
        var img = item.QuerySelector("img.teaser-image")!;
        Assert.Matches(@"^/bilder/[0-9a-f]{16}-\d+\.webp$", img.GetAttribute("src"));
        Assert.Contains("w,", img.GetAttribute("srcset"));
        Assert.Equal("", img.GetAttribute("alt"));
        Assert.Null(front.QuerySelectorAll(".news-item").Single(i => i.QuerySelector("h2 a")!.GetAttribute("href") == "/news/mit-beschreibung").QuerySelector("img"));
    }

    [Theory]
    [InlineData("/news/mit-bild")]
    [InlineData("/")]
    [InlineData("/thema/gold")]
    [InlineData("/rss.xml")]
    [InlineData("/sitemap.xml")]
    public async Task Public_pages_are_cacheable_by_shared_caches_and_answer_304_to_their_etag(string url)
    {
        var browser = app.Browser();
        var first = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cacheControl = first.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await browser.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task An_article_says_when_it_last_changed()
    {
        var stored = await app.FindArticleAsync("mit-bild");
        var response = await app.Browser().GetAsync("/news/mit-bild");
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(stored.UpdatedAtUtc, DateTimeKind.Utc)).ToString("R"), response.Content.Headers.LastModified!.Value.ToString("R"));
    }

    [Fact]
    public async Task Fingerprinted_assets_are_immutable()
    {
        var (_, page) = await app.GetPageAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(Fingerprinted(), css);

        var response = await app.Browser().GetAsync(css);

        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
    }

    [GeneratedRegex(@"\?v=|\.[a-z0-9]{10}\.css")]
    private static partial Regex Fingerprinted();
}
