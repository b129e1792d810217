using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Articles;

public class ArticleSaverTests(GoldfederApp app) : IClassFixture<GoldfederApp>
{
    [Fact]
    public async Task Markdown_is_rendered_once_at_save_and_raw_html_is_sanitized()
    {
        const string body = """
            ## Überschrift

            Ein **fetter** Absatz mit [Link](https://example.org/) und [böse](javascript:alert(1)).

            <script>alert('xss')</script>
            <img src="x" onerror="alert(1)">
            <iframe src="https://example.org"></iframe>
            <p onclick="alert(1)" style="color:red">Rohes HTML</p>
            """;
        var saved = await app.SaveArticleAsync("markdown-artikel", "Markdown", DateTime.UtcNow, body);

        Assert.Contains("<h2", saved.BodyHtml);
        Assert.Contains("<strong>fetter</strong>", saved.BodyHtml);
        Assert.Contains("href=\"https://example.org/\"", saved.BodyHtml);
        Assert.Contains("Rohes HTML", saved.BodyHtml);
        foreach (var forbidden in new[] { "<script", "onerror", "onclick", "javascript:", "<iframe" })
            Assert.DoesNotContain(forbidden, saved.BodyHtml, StringComparison.OrdinalIgnoreCase);

        var (_, page) = await app.GetPageAsync("/news/markdown-artikel");
        Assert.Empty(page.QuerySelectorAll(".article-body script, .article-body iframe, .article-body [onerror]"));
    }

    [Fact]
    public async Task A_taken_slug_is_refused_and_nothing_is_saved()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => app.SaveArticleAsync(Seed.Slug, "Doppelt", DateTime.UtcNow));

        Assert.Contains("already taken", error.Message);
        var titles = await app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Title).ToListAsync());
        Assert.Equal(["Macron sucht Draht zu Putin – und stellt sich gegen Trump"], titles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Großbuchstaben")]
    [InlineData("mit leerzeichen")]
    [InlineData("-vorne")]
    [InlineData("../../etc/passwd")]
    public async Task An_invalid_slug_is_refused(string slug)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => app.SaveArticleAsync(slug, "Ungültig", DateTime.UtcNow));
    }

    [Fact]
    public async Task The_database_itself_keeps_slugs_unique()
    {
        var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            db.Articles.Add(new Article { Slug = Seed.Slug, Title = "x", Lead = "x", BodyMarkdown = "x", PublishedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }));
        Assert.NotNull(error);
    }
}
