using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Articles.WordpressImport;
using Goldfeder.Tests.Features.Articles.WordpressImport;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Common;

/// <summary>
/// Issue 13, without Redis (the single-machine default): a change made by another process on the same database (an
/// operator command, another instance) reaches this instance's cached pages within five seconds.
/// </summary>
public sealed class OtherProcessChangesTests : IAsyncLifetime
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);
    private readonly GoldfederApp _site = new();

    [Fact]
    public async Task An_article_imported_by_an_operator_command_shows_on_the_front_page_within_five_seconds()
    {
        var reader = _site.Browser();
        Assert.DoesNotContain("Silbermünzen für Einsteiger", await reader.GetStringAsync("/"));
        Assert.True((await reader.GetAsync("/")).Headers.Contains("Age"), "the front page is not cached, so this test would prove nothing");

        var imported = await OperatorProcess.RunAsync(_site.ConnectionString, "", "import", "wordpress", WordpressImportTests.Export);
        Assert.True(imported.Code == 0, imported.Error);

        await Eventually.TrueAsync(async () => (await reader.GetStringAsync("/")).Contains("Silbermünzen für Einsteiger"), FiveSeconds,
            "the imported article did not show on the cached front page");
    }

    [Fact]
    public async Task An_edit_and_an_unpublishing_on_another_instance_reach_this_instances_pages_within_five_seconds()
    {
        await using var other = GoldfederApp.With([], _site.ConnectionString);
        var reader = _site.Browser();
        var page = "/news/" + Seed.Slug;
        var title = await TitleAsync();
        Assert.Contains(title, await reader.GetStringAsync(page));
        Assert.Contains(title, await reader.GetStringAsync("/"));

        await EditAsync(other, a => a.Title = "Von der anderen Instanz geändert");
        await Eventually.TrueAsync(async () => (await reader.GetStringAsync(page)).Contains("Von der anderen Instanz geändert")
                && (await reader.GetStringAsync("/")).Contains("Von der anderen Instanz geändert"),
            FiveSeconds, "the edit on the other instance did not reach this instance's article page and front page");

        await EditAsync(other, a => a.Status = ArticleStatus.Draft);
        await Eventually.TrueAsync(async () => (await reader.GetAsync(page)).StatusCode == System.Net.HttpStatusCode.NotFound
                && !(await reader.GetStringAsync("/")).Contains("Von der anderen Instanz geändert"),
            FiveSeconds, "the article unpublished on the other instance is still shown here");
    }

    private Task<string> TitleAsync() => _site.InScopeAsync(async s =>
        await s.GetRequiredService<GoldfederDb>().Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Title).SingleAsync());

    private static Task EditAsync(GoldfederApp instance, Action<Article> edit) => instance.InScopeAsync(async s =>
    {
        var article = await s.GetRequiredService<GoldfederDb>().Articles.SingleAsync(a => a.Slug == Seed.Slug);
        edit(article);
        await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();
}
