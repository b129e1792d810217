using System.Net;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Articles;

/// <summary>Topic and author pages, paged with numbers (two articles a page here), and the links to them on articles.</summary>
public sealed class TopicAndAuthorPageTests(TopicAndAuthorPageTests.TwoAPage app) : IClassFixture<TopicAndAuthorPageTests.TwoAPage>
{
    public sealed class TwoAPage() : GoldfederApp(new() { ["Site:PageSize"] = "2" }), IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await InScopeAsync(async s =>
            {
                var db = s.GetRequiredService<Goldfeder.Data.GoldfederDb>();
                var saver = s.GetRequiredService<ArticleSaver>();
                var topic = new Tag { Name = "Palladium", Slug = "palladium" };
                for (var i = 1; i <= 7; i++)
                {
                    await saver.SaveAsync(new Article
                    {
                        Slug = $"palladium-{i}", Title = $"Palladium {i}", Lead = "Vorspann.", BodyMarkdown = "Text.", Author = "Hildegard Brenner",
                        Status = ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow.AddDays(-i), Tags = [topic],
                    });
                }
                await saver.SaveAsync(new Article
                {
                    Slug = "palladium-entwurf", Title = "Palladium Entwurf", Lead = "V.", BodyMarkdown = "T.", Status = ArticleStatus.Draft,
                    PublishedAtUtc = DateTime.UtcNow, Tags = [topic],
                });
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task A_topic_page_lists_its_published_articles_newest_first_with_page_numbers()
    {
        var (response, page) = await app.GetPageAsync("/thema/palladium?seite=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Thema: Palladium", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/news/palladium-3", "/news/palladium-4"], page.QuerySelectorAll(".news-item h2 a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2", page.QuerySelector(".pager-numbers [aria-current=page]")!.TextContent);
        Assert.Equal(["/thema/palladium", "/thema/palladium?seite=3", "/thema/palladium?seite=4"],
            page.QuerySelectorAll(".pager-numbers a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/", page.QuerySelector(".back-link a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Far_pages_show_gaps_in_the_numbers()
    {
        var pager = Pager.ForPath(5, 10, "/");
        Assert.Equal([1, 0, 3, 4, 5, 6, 7, 0, 10], pager.Numbers());
        Assert.Equal([1, 2, 3], Pager.ForPath(1, 3, "/").Numbers());
        Assert.Equal("/?seite=4", pager.Url(4));
        Assert.Equal("/", pager.Url(1));
        var (_, page) = await app.GetPageAsync("/thema/palladium?seite=4");
        Assert.Equal(["/news/palladium-7"], page.QuerySelectorAll(".news-item h2 a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/thema/gibt-es-nicht")]
    [InlineData("/thema/palladium?seite=5")]
    [InlineData("/thema/palladium?seite=x")]
    [InlineData("/thema/NICHT%20G%C3%9CLTIG")]
    [InlineData("/autor/niemand")]
    public async Task Unknown_topics_authors_and_pages_get_the_german_404(string url)
    {
        var (response, page) = await app.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task An_article_links_its_topics_and_its_author_whose_page_lists_their_articles()
    {
        var (_, article) = await app.GetPageAsync("/news/palladium-1");
        Assert.Equal(["/thema/palladium"], article.QuerySelectorAll(".article-topics a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/autor/hildegard-brenner", article.QuerySelector(".article-author a")!.GetAttribute("href"));

        var (response, author) = await app.GetPageAsync("/autor/hildegard-brenner");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Artikel von Hildegard Brenner", author.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/news/palladium-1", "/news/palladium-2"], author.QuerySelectorAll(".news-item h2 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Share_links_are_plain_links_and_load_no_script()
    {
        var (_, article) = await app.GetPageAsync("/news/palladium-1");
        var links = article.QuerySelectorAll(".share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, links.Count);
        Assert.StartsWith("mailto:", links[0]);
        Assert.Contains(links, l => l.StartsWith("https://wa.me/"));
        Assert.All(article.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src")));
    }
}
