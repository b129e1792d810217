using System.Net;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Articles;

/// <summary>A draft's secret preview link works for seven days, for that article only, and never when altered.</summary>
public sealed class PreviewLinkTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new GoldfederApp().WithFakeClock();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_link_shows_the_draft_until_it_expires_after_seven_days()
    {
        var draft = await _app.InScopeAsync(async s =>
        {
            var article = new Article { Slug = "geheim", Title = "Geheimer Entwurf", Lead = "V.", BodyMarkdown = "T.", Status = ArticleStatus.Draft, PublishedAtUtc = DateTime.UtcNow };
            await s.GetRequiredService<ArticleSaver>().SaveAsync(article);
            return article.Id;
        });
        var (path, _) = _app.Services.GetRequiredService<PreviewLinks>().For(draft);

        var (shown, page) = await _app.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("Geheimer Entwurf", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("no-store", shown.Headers.CacheControl!.ToString());
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync("/news/geheim")).StatusCode);

        _app.Clock!.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var (expired, gone) = await _app.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("ungültig oder abgelaufen", gone.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync("/vorschau/kein-token")).StatusCode);
    }
}
