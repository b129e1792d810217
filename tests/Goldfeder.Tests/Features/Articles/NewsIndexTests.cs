using System.Net;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Articles;

/// <summary>Only reads the demo articles, so the class shares one app and database.</summary>
public sealed class NewsIndexTests(NewsIndexTests.TwoAPage _app) : IClassFixture<NewsIndexTests.TwoAPage>
{
    /// <summary>Four demo articles at two a page make two pages.</summary>
    public sealed class TwoAPage() : GoldfederApp(new() { ["Site:PageSize"] = "2" });

    [Fact]
    public async Task Front_page_lists_the_newest_articles_first_with_date_headline_and_lead()
    {
        var (response, page) = await _app.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = page.QuerySelectorAll(".news-item");
        Assert.Equal(
            ["/news/gold-als-krisenschutz-was-anleger-wissen-sollten", "/news/" + Seed.Slug],
            items.Select(i => i.QuerySelector("h2 a")!.GetAttribute("href")));
        var seedItem = items[1];
        Assert.Equal("10.02.2026", seedItem.QuerySelector(".article-date")!.TextContent);
        Assert.Equal("Macron sucht Draht zu Putin – und stellt sich gegen Trump", seedItem.QuerySelector("h2")!.TextContent.Trim());
        Assert.StartsWith("In einer bemerkenswerten diplomatischen Kehrtwende", seedItem.QuerySelector(".lead")!.TextContent);
        Assert.Equal("/?seite=2", page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".pager a[rel=prev]"));
    }

    [Fact]
    public async Task Last_page_holds_the_oldest_articles_and_links_back()
    {
        var (response, page) = await _app.GetPageAsync("/?seite=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["/news/edelmetalle-sicher-lagern", "/news/silber-oder-gold-fuer-einsteiger"],
            page.QuerySelectorAll(".news-item h2 a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/", page.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));
    }

    [Theory]
    [InlineData("/?seite=3")]
    [InlineData("/?seite=0")]
    [InlineData("/?seite=-1")]
    [InlineData("/?seite=abc")]
    [InlineData("/?seite=99999999999999999999")]
    public async Task Pages_outside_the_list_are_not_found(string url)
    {
        var (response, page) = await _app.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", page.QuerySelector("h1")!.TextContent);
    }
}
