using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Search;
using Goldfeder.Tests.Features.Articles.WordpressImport;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Search;

/// <summary>
/// Each instance searches its own in-process index; what another instance or an operator command writes to the same
/// database reaches it: a save at the next search, a deletion within the poll interval (Search:IndexPollInterval, 2 s).
/// </summary>
public sealed class SearchIndexSyncTests : IAsyncLifetime
{
    private readonly GoldfederApp _site = new();
    private GoldfederApp _other = null!;

    public Task InitializeAsync()
    {
        _other = GoldfederApp.With([], _site.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _site.DisposeAsync();
    }

    private static async Task<List<string>> FoundAsync(GoldfederApp app, string query) =>
        (await app.InScopeAsync(s => s.GetRequiredService<ArticleSearch>().FindAsync(SearchQuery.Parse(query), 1, 10, CancellationToken.None)))
            .Hits.Select(h => h.Slug).ToList();

    private static Task SaveAsync(GoldfederApp app, string slug, string title, ArticleStatus status) =>
        app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug)
                ?? new Article { Slug = slug, Title = "", Lead = "Ein Vorspann.", BodyMarkdown = "Ein Text." };
            article.Title = title;
            article.Status = status;
            article.PublishedAtUtc = DateTime.UtcNow.AddMinutes(-1);
            await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
        });

    [Fact]
    public async Task An_article_saved_by_another_instance_is_found_at_the_next_search_and_an_unpublished_one_is_gone()
    {
        Assert.Empty(await FoundAsync(_site, "Wolframwürfel")); // the site's index is loaded before the other instance writes

        await SaveAsync(_other, "wolframwuerfel", "Der Wolframwürfel", ArticleStatus.Published);
        Assert.Equal(["wolframwuerfel"], await FoundAsync(_site, "Wolframwürfel"));

        await SaveAsync(_other, "wolframwuerfel", "Der Wolframwürfel", ArticleStatus.Unpublished);
        Assert.Empty(await FoundAsync(_site, "Wolframwürfel"));
    }

    [Fact]
    public async Task An_operator_import_on_the_same_database_is_found_at_the_next_search()
    {
        Assert.DoesNotContain("silbermuenzen-fuer-einsteiger", await FoundAsync(_site, "Silbermünzen Einsteiger"));

        var (code, _) = await _other.RunCommandAsync("import", "wordpress", WordpressImportTests.Export);

        Assert.Equal(0, code);
        Assert.Contains("silbermuenzen-fuer-einsteiger", await FoundAsync(_site, "Silbermünzen Einsteiger"));
        var scheduled = await _site.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.SingleAsync(a => a.Title.StartsWith("Ausblick 2031")));
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.DoesNotContain(scheduled.Slug, await FoundAsync(_site, "Ausblick Jahrzehnt")); // scheduled in the export: not yet public
    }

    [Fact]
    public async Task An_article_deleted_in_the_database_leaves_the_index_within_the_poll_interval()
    {
        await SaveAsync(_site, "tantalring", "Ein Tantalring", ArticleStatus.Published);
        Assert.Equal(["tantalring"], await FoundAsync(_site, "Tantalring"));

        // Deleted behind every instance's back (no save, no newer time): only the poll can notice.
        await _other.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.Where(a => a.Slug == "tantalring").ExecuteDeleteAsync());
        var index = await _site.InScopeAsync(s => s.GetRequiredService<SearchIndexSync>().CurrentAsync(s.GetRequiredService<GoldfederDb>(), CancellationToken.None));

        // The page is read from the database, so the deleted article is never shown, even before the poll.
        Assert.Empty(await FoundAsync(_site, "Tantalring"));
        await Eventually.TrueAsync(() => index.Find(SearchQuery.Parse("Tantalring").Terms(), 10, 10).Total == 0,
            TimeSpan.FromSeconds(10), "the deleted article is still in the site's index");
    }
}
