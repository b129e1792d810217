using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Common;

public sealed class PublicCacheTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/news/" + Seed.Slug)]
    [InlineData("/karriere")]
    [InlineData("/newsletter")]
    public async Task Reader_pages_set_no_cookie_and_come_from_the_output_cache(string url)
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync(url);
        var second = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(first.Headers.Contains("Age"));
        // The output cache marks what it served from its store with an Age header.
        Assert.True(second.Headers.Contains("Age"), $"{url} was not served from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Saving_an_article_evicts_its_page_the_lists_and_the_related_boxes()
    {
        var client = _app.CreateClient();
        var url = "/news/gold-als-krisenschutz-was-anleger-wissen-sollten";
        Assert.Contains("Gold als Krisenschutz", await client.GetStringAsync(url));
        Assert.Contains("Gold als Krisenschutz", await client.GetStringAsync("/"));
        Assert.Contains("Gold als Krisenschutz", await client.GetStringAsync("/news/" + Seed.Slug));

        // A change that bypasses ArticleSaver is not seen: the pages really come from the cache.
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles
            .Where(a => a.Slug == "gold-als-krisenschutz-was-anleger-wissen-sollten")
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "Heimlich geändert")));
        Assert.DoesNotContain("Heimlich geändert", await client.GetStringAsync(url));

        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var article = await db.Articles.SingleAsync(a => a.Slug == "gold-als-krisenschutz-was-anleger-wissen-sollten");
            article.Title = "Gold schützt in der Krise";
            await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
        });

        Assert.Contains("Gold schützt in der Krise", await client.GetStringAsync(url));
        Assert.Contains("Gold schützt in der Krise", await client.GetStringAsync("/"));
        Assert.Contains("Gold schützt in der Krise", await client.GetStringAsync("/news/" + Seed.Slug));
    }

    [Fact]
    public async Task Editing_an_article_evicts_the_pages_that_show_it_and_no_others()
    {
        // The oldest article: the seed page's related box (two picks and the newest other) does not show it.
        await _app.SaveArticleAsync("ganz-alt", "Ganz alt", new DateTime(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc));
        var client = _app.CreateClient();
        foreach (var url in new[] { "/", "/news/ganz-alt", "/news/" + Seed.Slug }) await client.GetAsync(url);
        Assert.DoesNotContain("Ganz alt", await client.GetStringAsync("/news/" + Seed.Slug));

        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var article = await db.Articles.SingleAsync(a => a.Slug == "ganz-alt");
            article.Title = "Ganz alt, neu betitelt";
            await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
        });

        Assert.Contains("Ganz alt, neu betitelt", await client.GetStringAsync("/news/ganz-alt"));
        Assert.Contains("Ganz alt, neu betitelt", await client.GetStringAsync("/"));
        var untouched = await client.GetAsync("/news/" + Seed.Slug);
        Assert.True(untouched.Headers.Contains("Age"), "a page that does not show the article should have stayed in the cache");
    }

    [Fact]
    public async Task A_new_article_appears_on_the_front_page_at_once()
    {
        var client = _app.CreateClient();
        Assert.DoesNotContain("Ganz neu", await client.GetStringAsync("/"));

        await _app.SaveArticleAsync("ganz-neu", "Ganz neu", DateTime.UtcNow);

        Assert.Contains("Ganz neu", await client.GetStringAsync("/"));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
