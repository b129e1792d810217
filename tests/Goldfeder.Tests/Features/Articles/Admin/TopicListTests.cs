using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Articles.Admin;

/// <summary>Editors describe topics at /admin/themen; the topic page shows the text at once.</summary>
public sealed class TopicListTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    public async Task InitializeAsync() =>
        await _app.InScopeAsync(s => s.GetRequiredService<ArticleSaver>().SaveAsync(new Article
        {
            Slug = "rhodium", Title = "Rhodium", Lead = "V.", BodyMarkdown = "T.", Status = ArticleStatus.Published,
            PublishedAtUtc = DateTime.UtcNow.AddHours(-1), Categories = [new Category { Name = "Industriemetalle", Slug = "industriemetalle" }],
        }));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_editor_describes_a_topic_and_its_page_shows_it_at_once()
    {
        var (_, before) = await _app.GetPageAsync("/thema/industriemetalle");
        Assert.Null(before.QuerySelector(".topic-description"));
        var id = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Categories.Where(c => c.Slug == "industriemetalle").Select(c => c.Id).SingleAsync());
        var editor = await _app.StaffAsync("Editor");
        var token = AdminFixtures.TokenIn(await editor.GetStringAsync("/admin/themen"));

        var saved = await editor.PostAsync("/admin/themen", AdminFixtures.Form(token, ("kind", "rubrik"), ("id", $"{id}"), ("description", "Platin, Palladium & <b>Rhodium</b>.")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await _app.GetPageAsync("/thema/industriemetalle");
        Assert.Equal("Platin, Palladium & <b>Rhodium</b>.", after.QuerySelector(".topic-description")!.TextContent);
        Assert.Equal("Platin, Palladium & <b>Rhodium</b>.", after.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        var tooLong = await editor.PostAsync("/admin/themen", AdminFixtures.Form(token, ("kind", "rubrik"), ("id", $"{id}"), ("description", new string('x', 501))));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Die Beschreibung von „Industriemetalle“ darf höchstens 500 Zeichen haben (jetzt 501).", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync("/admin/themen", AdminFixtures.Form(token, ("kind", "x"), ("id", "1"), ("description", "")))).StatusCode);
    }
}
