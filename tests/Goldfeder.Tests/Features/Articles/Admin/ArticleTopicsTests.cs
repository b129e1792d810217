using Goldfeder.Features.Articles;
using System.Net;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Articles.Admin;

public sealed class ArticleTopicsTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    private static FormUrlEncodedContent Edit(string token, string title, string categories = "", string tags = "", string related = "") => Form(token,
        ("Draft.Title", title), ("Draft.Slug", ""), ("Draft.Lead", "Vorspann."), ("Draft.Body", "## Abschnitt\n\nText."),
        ("Draft.Status", "Published"), ("Draft.Date", "2026-01-20"), ("Draft.Time", "09:00"),
        ("Draft.Categories", categories), ("Draft.Tags", tags), ("Draft.Related", related));

    [Fact]
    public async Task The_editors_related_picks_come_first_in_their_order()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));

        var saved = await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Mit Auswahl", related: "silber-oder-gold-fuer-einsteiger, edelmetalle-sicher-lagern"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await _app.NewBrowser().GetStringAsync("/news/mit-auswahl");
        var links = Regex.Matches(page, "<section class=\"related\"[\\s\\S]*?</section>").Single().Value;
        var order = Regex.Matches(links, "href=\"/news/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["silber-oder-gold-fuer-einsteiger", "edelmetalle-sicher-lagern"], order.Take(2));
    }

    [Fact]
    public async Task Without_picks_articles_sharing_a_tag_come_before_merely_newer_ones()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Tresor Eins", tags: "Lagerung"));
        await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Tresor Zwei", tags: "lagerung, Sicherheit"));

        var page = await _app.NewBrowser().GetStringAsync("/news/tresor-eins");

        var related = Regex.Matches(page, "href=\"/news/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("tresor-zwei", related.First());
        Assert.Equal(2, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Tags.CountAsync()));
    }

    [Fact]
    public async Task Unknown_related_articles_are_refused_with_a_german_message()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));

        var response = await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Falsche Auswahl", related: "gibt-es-nicht"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Diese Artikel gibt es nicht: gibt-es-nicht.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Categories_are_kept_shown_again_in_the_editor_and_filter_the_list()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var saved = await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Marktbericht Januar", categories: "Marktberichte", tags: "Gold, Silber"));
        var editorPage = await editor.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("value=\"Marktberichte\"", editorPage);
        Assert.Contains("value=\"Gold, Silber\"", editorPage);

        var list = await editor.GetStringAsync("/admin/artikel?rubrik=marktberichte");

        Assert.Contains("Marktbericht Januar", list);
        Assert.DoesNotContain("Macron", list);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
