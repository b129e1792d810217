using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Goldfeder.Tests.Features.Feeds;

/// <summary>Sitemaps validated against the protocol's XSDs (shipped in Schemas/), robots.txt read as a crawler would.</summary>
public sealed class SitemapTests(FeedFixture app) : IClassFixture<FeedFixture>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        foreach (var file in new[] { "sitemap.xsd", "siteindex.xsd", "sitemap-news.xsd" })
            set.Add(null, Path.Combine(AppContext.BaseDirectory, "Features", "Feeds", "Schemas", file));
        set.Compile();
        return set;
    });

    /// <summary>Fetches a sitemap and validates it; every schema error fails the test with its message.</summary>
    private async Task<XDocument> ValidSitemapAsync(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings)) while (reader.Read()) { }
        Assert.True(errors.Count == 0, $"{url}:\n{string.Join("\n", errors)}\n{xml}");
        return XDocument.Parse(xml);
    }

    [Fact]
    public async Task The_index_names_valid_article_topic_and_news_sitemaps_with_absolute_addresses()
    {
        var index = await ValidSitemapAsync("/sitemap.xml");

        var locs = index.Descendants(Sm + "loc").Select(l => l.Value).ToList();
        Assert.Equal([$"{FeedFixture.BaseUrl}/sitemaps/artikel-1.xml", $"{FeedFixture.BaseUrl}/sitemaps/themen.xml", $"{FeedFixture.BaseUrl}/sitemaps/news.xml"], locs);
        foreach (var loc in locs) await ValidSitemapAsync(new Uri(loc).PathAndQuery);
    }

    [Fact]
    public async Task The_article_sitemap_lists_every_published_article_with_lastmod_and_nothing_else()
    {
        var sitemap = await ValidSitemapAsync("/sitemaps/artikel-1.xml");

        var urls = sitemap.Descendants(Sm + "url").ToDictionary(u => u.Element(Sm + "loc")!.Value, u => u.Element(Sm + "lastmod")?.Value);
        Assert.Contains($"{FeedFixture.BaseUrl}/news/silber-im-sommer", urls.Keys);
        Assert.Contains($"{FeedFixture.BaseUrl}/news/macron-sucht-draht-zu-putin-und-stellt-sich-gegen-trump", urls.Keys);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("geheim"));
        Assert.All(urls.Values, lastmod => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", lastmod!));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/sitemaps/artikel-2.xml")).StatusCode);
    }

    [Fact]
    public async Task The_topic_sitemap_lists_the_front_page_and_topics_with_published_articles()
    {
        var sitemap = await ValidSitemapAsync("/sitemaps/themen.xml");

        var locs = sitemap.Descendants(Sm + "loc").Select(l => l.Value).ToList();
        Assert.Equal(FeedFixture.BaseUrl + "/", locs[0]);
        Assert.Contains($"{FeedFixture.BaseUrl}/thema/maerkte", locs);
        Assert.Contains($"{FeedFixture.BaseUrl}/thema/gold", locs);
    }

    [Fact]
    public async Task The_news_sitemap_holds_only_the_last_48_hours_with_publication_and_language()
    {
        var sitemap = await ValidSitemapAsync("/sitemaps/news.xml");

        var url = Assert.Single(sitemap.Descendants(Sm + "url"));
        Assert.Equal($"{FeedFixture.BaseUrl}/news/eilmeldung", url.Element(Sm + "loc")!.Value);
        var news = url.Element(News + "news")!;
        Assert.Equal("Kettner Edelmetalle", news.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("de", news.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("Eilmeldung: Goldpreis springt", news.Element(News + "title")!.Value);
        Assert.Equal(app.Now.AddHours(-1), DateTimeOffset.Parse(news.Element(News + "publication_date")!.Value).UtcDateTime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_search()
    {
        var response = await app.Browser().GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /suche", lines);
        Assert.Contains($"Sitemap: {FeedFixture.BaseUrl}/sitemap.xml", lines);
    }
}
