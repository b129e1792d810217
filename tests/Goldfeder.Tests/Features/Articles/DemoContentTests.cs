using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Articles;

public class DemoContentTests
{
    [Fact]
    public async Task Loading_the_demo_content_again_or_restarting_duplicates_nothing()
    {
        await GoldfederApp.WithDatabaseAsync(LoadTwiceThenRestartAsync);
    }

    private static async Task LoadTwiceThenRestartAsync(string database)
    {
        int articles, relations;
        await using (var first = GoldfederApp.With([], database))
        {
            (articles, relations) = await CountAsync(first);
            Assert.Equal(Directory.GetFiles(DemoContent.Folder, "*.md").Length, articles);
            Assert.True(relations >= 3);

            Assert.Equal(0, await first.InScopeAsync(s => DemoContent.LoadAsync(s)));
            Assert.Equal((articles, relations), await CountAsync(first));
        }

        // A restart on the same database.
        await using var second = GoldfederApp.With([], database);
        Assert.Equal((articles, relations), await CountAsync(second));
    }

    [Fact]
    public async Task Restart_keeps_an_editors_change_to_a_demo_article()
    {
        await GoldfederApp.WithDatabaseAsync(EditThenRestartAsync);
    }

    private static async Task EditThenRestartAsync(string database)
    {
        await using (var first = GoldfederApp.With([], database))
        {
            await first.InScopeAsync(async s =>
            {
                var db = s.GetRequiredService<GoldfederDb>();
                var article = await db.Articles.SingleAsync(a => a.Slug == Seed.Slug);
                article.Title = "Vom Redakteur geändert";
                await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
            });
        }

        await using var second = GoldfederApp.With([], database);
        Assert.Equal("Vom Redakteur geändert", (await second.FindArticleAsync(Seed.Slug)).Title);
    }

    private static Task<(int, int)> CountAsync(GoldfederApp app) => app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<GoldfederDb>();
        return (await db.Articles.CountAsync(), await db.ArticleRelations.CountAsync());
    });
}
