using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Search;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Goldfeder.Tests.Features.Search;

/// <summary>The index follows every save, and only what is public is ever found.</summary>
public sealed class SearchVisibilityTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new GoldfederApp().WithFakeClock();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<string>> FoundAsync(string query) =>
        (await _app.InScopeAsync(s => s.GetRequiredService<ArticleSearch>().FindAsync(SearchQuery.Parse(query), 1, 10, CancellationToken.None)))
            .Hits.Select(h => h.Slug).ToList();

    private Task<Article> SaveAsync(string slug, string title, ArticleStatus status, DateTime at) =>
        _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug)
                ?? new Article { Slug = slug, Title = "", Lead = "Ein Vorspann.", BodyMarkdown = "Ein Text." };
            article.Title = title;
            article.Status = status;
            article.PublishedAtUtc = at;
            await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
            return article;
        });

    [Fact]
    public async Task A_draft_is_never_found_and_a_published_one_at_once()
    {
        var now = _app.Clock!.GetUtcNow().UtcDateTime;
        await SaveAsync("quarzuhr", "Die Quarzuhr im Tresor", ArticleStatus.Draft, now);
        Assert.Empty(await FoundAsync("Quarzuhr"));

        await SaveAsync("quarzuhr", "Die Quarzuhr im Tresor", ArticleStatus.Published, now);
        Assert.Equal(["quarzuhr"], await FoundAsync("Quarzuhr"));
    }

    [Fact]
    public async Task A_scheduled_article_is_found_only_once_the_scheduler_publishes_it()
    {
        var now = _app.Clock!.GetUtcNow().UtcDateTime;
        await SaveAsync("kupferdach", "Ein Kupferdach", ArticleStatus.Scheduled, now.AddHours(1));
        Assert.Empty(await FoundAsync("Kupferdach"));
        var (_, page) = await _app.GetPageAsync("/suche?q=Kupferdach");
        Assert.NotNull(page.QuerySelector(".search-none"));

        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single().PublishDueAsync(CancellationToken.None);

        Assert.Equal(["kupferdach"], await FoundAsync("Kupferdach"));
    }

    [Fact]
    public async Task An_unpublished_article_disappears_and_an_edit_replaces_the_old_words()
    {
        var now = _app.Clock!.GetUtcNow().UtcDateTime;
        await SaveAsync("zinnsoldat", "Der Zinnsoldat", ArticleStatus.Published, now);
        Assert.Equal(["zinnsoldat"], await FoundAsync("Zinnsoldaten"));

        await SaveAsync("zinnsoldat", "Der Bleisoldat", ArticleStatus.Published, now);
        Assert.Empty(await FoundAsync("Zinnsoldat"));
        Assert.Equal(["zinnsoldat"], await FoundAsync("Bleisoldat"));

        await SaveAsync("zinnsoldat", "Der Bleisoldat", ArticleStatus.Unpublished, now);
        Assert.Empty(await FoundAsync("Bleisoldat"));
    }

    [Fact]
    public async Task Articles_saved_before_search_existed_are_indexed_at_start()
    {
        var now = _app.Clock!.GetUtcNow().UtcDateTime;
        await SaveAsync("messingleuchter", "Ein Messingleuchter", ArticleStatus.Published, now);
        // As if the article were older than search: its document is gone. (The catch-up's own pass at start may run
        // beside this test; whichever pass comes last indexes it, so only the outcome is asserted.)
        var deleted = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().SearchDocuments.Where(d => d.Title.Contains("Messing")).ExecuteDeleteAsync());
        Assert.Equal(1, deleted);

        await _app.InScopeAsync(s => SearchIndexer.CatchUpAsync(s.GetRequiredService<GoldfederDb>(), CancellationToken.None));

        Assert.Equal(["messingleuchter"], await FoundAsync("Messingleuchter"));
    }

    [Fact]
    public async Task The_rebuild_command_indexes_every_article_again()
    {
        await SaveAsync("silberloeffel", "Ein Silberlöffel", ArticleStatus.Published, _app.Clock!.GetUtcNow().UtcDateTime);
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().SearchDocuments.ExecuteDeleteAsync());

        var (code, output) = await _app.RunCommandAsync("search", "rebuild");

        Assert.Equal(0, code);
        var articles = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.CountAsync());
        Assert.Contains($"\"indexed\": {articles}", output);
        Assert.Equal(["silberloeffel"], await FoundAsync("Silberlöffel"));
    }

    [Fact]
    public async Task Many_hits_are_paged()
    {
        var now = _app.Clock!.GetUtcNow().UtcDateTime;
        for (var i = 1; i <= 12; i++) await SaveAsync($"palladium-{i}", $"Palladiumbarren Nummer {i}", ArticleStatus.Published, now.AddMinutes(-i));

        var (_, first) = await _app.GetPageAsync("/suche?q=Palladiumbarren");
        var (_, second) = await _app.GetPageAsync("/suche?q=Palladiumbarren&seite=2");

        Assert.Equal("12 Treffer für „Palladiumbarren“", first.QuerySelector(".search-count")!.TextContent);
        Assert.Equal(10, first.QuerySelectorAll(".search-results li").Length);
        Assert.Equal("/suche?q=Palladiumbarren&seite=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["/news/palladium-11", "/news/palladium-12"], second.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href")));
    }
}
