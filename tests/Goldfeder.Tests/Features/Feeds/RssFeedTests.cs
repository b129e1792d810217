using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Goldfeder.Tests.Features.Feeds;

/// <summary>The feeds, read by .NET's own RSS 2.0 parser (System.ServiceModel.Syndication) and as XML.</summary>
public sealed class RssFeedTests(FeedFixture app) : IClassFixture<FeedFixture>
{
    private async Task<(HttpResponseMessage Response, string Xml)> GetAsync(string url)
    {
        var response = await app.Browser().GetAsync(url);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static SyndicationFeed Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task The_site_feed_lists_published_articles_newest_first_with_absolute_links()
    {
        var (response, xml) = await GetAsync("/rss.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = Parse(xml);
        Assert.Equal("Kettner Edelmetalle", feed.Title.Text);
        Assert.Equal("de-DE", feed.Language);
        var links = feed.Items.Select(i => i.Links.Single().Uri.ToString()).ToList();
        Assert.Equal($"{FeedFixture.BaseUrl}/news/eilmeldung", links[0]);
        Assert.True(links.IndexOf($"{FeedFixture.BaseUrl}/news/silber-im-sommer") < links.IndexOf($"{FeedFixture.BaseUrl}/news/gold-im-winter"));
        Assert.DoesNotContain(links, l => l.Contains("geheim"));
        Assert.All(links, l => Assert.StartsWith(FeedFixture.BaseUrl + "/news/", l));
    }

    [Fact]
    public async Task An_item_carries_lead_date_with_berlin_offset_author_topics_and_lead_image()
    {
        var (_, xml) = await GetAsync("/rss.xml");
        var feed = Parse(xml);

        var summer = feed.Items.Single(i => i.Id == $"{FeedFixture.BaseUrl}/news/silber-im-sommer");
        Assert.Equal("Silber im Sommer", summer.Title.Text);
        Assert.Equal("Vorspann zu Silber im Sommer & mehr.", summer.Summary.Text);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)), summer.PublishDate);
        Assert.Equal(["Märkte", "Silber"], summer.Categories.Select(c => c.Name));

        var item = XDocument.Parse(xml).Descendants("item").Single(i => i.Element("link")!.Value.EndsWith("silber-im-sommer"));
        Assert.Equal("Wed, 01 Jul 2026 10:00:00 +0200", item.Element("pubDate")!.Value);
        Assert.Equal("Erika Kaiser", item.Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/"))!.Value);
        var media = item.Element(XName.Get("content", "http://search.yahoo.com/mrss/"))!;
        Assert.Matches(@"^https://www\.example\.de/bilder/[0-9a-f]{16}-\d+\.webp$", media.Attribute("url")!.Value);
        Assert.Equal("image/webp", media.Attribute("type")!.Value);

        var winter = XDocument.Parse(xml).Descendants("item").Single(i => i.Element("link")!.Value.EndsWith("gold-im-winter"));
        Assert.Equal("Thu, 15 Jan 2026 09:00:00 +0100", winter.Element("pubDate")!.Value);
    }

    [Fact]
    public async Task A_topic_feed_holds_only_the_topics_articles_and_an_unknown_topic_is_404()
    {
        var (response, xml) = await GetAsync("/thema/silber/rss.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = Parse(xml);
        Assert.Equal("Silber – Kettner Edelmetalle", feed.Title.Text);
        Assert.Equal([$"{FeedFixture.BaseUrl}/news/silber-im-sommer"], feed.Items.Select(i => i.Id));
        var gold = Parse((await GetAsync("/thema/gold/rss.xml")).Xml);
        Assert.Equal([$"{FeedFixture.BaseUrl}/news/eilmeldung", $"{FeedFixture.BaseUrl}/news/gold-im-winter"], gold.Items.Select(i => i.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/thema/gibt-es-nicht/rss.xml")).StatusCode);
    }

    [Fact]
    public async Task Pages_link_the_site_feed_and_topic_pages_their_own()
    {
        var (_, front) = await app.GetPageAsync("/");
        var (_, topic) = await app.GetPageAsync("/thema/gold");

        Assert.Equal("/rss.xml", front.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
        Assert.Contains("/thema/gold/rss.xml", topic.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")));
    }
}
