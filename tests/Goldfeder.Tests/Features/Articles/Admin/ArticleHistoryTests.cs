using Goldfeder.Features.Articles;
using Goldfeder.Common;
using System.Net;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Articles.Admin;

public sealed class ArticleHistoryTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    private static FormUrlEncodedContent Edit(string token, string title, string slug, string body, string status = "Published") => Form(token,
        ("Draft.Title", title), ("Draft.Slug", slug), ("Draft.Lead", "Vorspann."), ("Draft.Body", body),
        ("Draft.Status", status), ("Draft.Date", "2026-01-10"), ("Draft.Time", "09:00"));

    [Fact]
    public async Task Changing_a_published_articles_slug_keeps_the_old_url_working_with_a_301()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var created = await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Alter Titel", "alter-titel", "Text."));
        var id = IdIn(created);

        await editor.PostAsync($"/admin/artikel/bearbeiten/{id}", Edit(token, "Neuer Titel", "neuer-titel", "Text."));

        var old = await _app.NewBrowser().GetAsync("/news/alter-titel");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/news/neuer-titel", old.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await _app.NewBrowser().GetAsync("/news/neuer-titel")).StatusCode);

        // Another article may take the old address; then it is that article's.
        await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Ganz anderer Artikel", "alter-titel", "Anderer Text."));
        var taken = await _app.NewBrowser().GetStringAsync("/news/alter-titel");
        Assert.Contains("Ganz anderer Artikel", taken);
    }

    [Fact]
    public async Task A_drafts_slug_change_leaves_no_redirect()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var id = IdIn(await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Entwurf", "entwurf-alt", "Text.", "Draft")));

        await editor.PostAsync($"/admin/artikel/bearbeiten/{id}", Edit(token, "Entwurf", "entwurf-neu", "Text.", "Draft"));

        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewBrowser().GetAsync("/news/entwurf-alt")).StatusCode);
    }

    [Fact]
    public async Task Every_save_is_a_revision_two_can_be_compared_and_an_old_one_restored()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var id = IdIn(await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Versionen", "versionen", "Erste Fassung des Textes.")));
        await editor.PostAsync($"/admin/artikel/bearbeiten/{id}", Edit(token, "Versionen", "versionen", "Zweite Fassung des Textes."));

        var revisions = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, revisions.Count);
        var compare = await editor.GetStringAsync($"/admin/artikel/versionen/{id}?a={revisions[0].Id}&b={revisions[1].Id}");
        Assert.Contains("<del>− Erste Fassung des Textes.</del>", compare);
        Assert.Contains("<ins>+ Zweite Fassung des Textes.</ins>", compare);

        var restored = await editor.PostAsync($"/admin/artikel/versionen/{id}?handler=Restore", Form(TokenIn(compare), ("revision", revisions[0].Id.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Erste Fassung des Textes.", await _app.NewBrowser().GetStringAsync("/news/versionen"));
        Assert.Equal(3, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ArticleRevisions.CountAsync(r => r.ArticleId == id)));
        Assert.Contains("article.restore", await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task The_meta_description_is_kept_in_each_revision_compared_and_restored()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        FormUrlEncodedContent WithDescription(string description) => Form(token,
            ("Draft.Title", "Beschrieben"), ("Draft.Slug", "beschrieben"), ("Draft.Lead", "Vorspann."), ("Draft.Body", "Text."),
            ("Draft.Description", description), ("Draft.Status", "Published"), ("Draft.Date", "2026-01-10"), ("Draft.Time", "09:00"));
        var id = IdIn(await editor.PostAsync("/admin/artikel/bearbeiten", WithDescription("Die erste Beschreibung.")));
        await editor.PostAsync($"/admin/artikel/bearbeiten/{id}", WithDescription("Die zweite Beschreibung."));

        var revisions = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["Die erste Beschreibung.", "Die zweite Beschreibung."], revisions.Select(r => r.Description));
        var compare = await editor.GetStringAsync($"/admin/artikel/versionen/{id}?a={revisions[0].Id}&b={revisions[1].Id}");
        Assert.Contains("<del>− Beschreibung für Suchmaschinen: Die erste Beschreibung.</del>", compare);

        await editor.PostAsync($"/admin/artikel/versionen/{id}?handler=Restore", Form(TokenIn(compare), ("revision", revisions[0].Id.ToString())));

        Assert.Contains("content=\"Die erste Beschreibung.\"", await _app.NewBrowser().GetStringAsync("/news/beschrieben"));
    }

    [Fact]
    public async Task Comparing_offers_the_two_newest_and_says_what_to_do_without_two_different_versions()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var id = IdIn(await editor.PostAsync("/admin/artikel/bearbeiten", Edit(token, "Vergleich", "vergleich", "Eins.")));
        Assert.Contains("Es gibt erst eine gespeicherte Fassung.", await editor.GetStringAsync($"/admin/artikel/versionen/{id}"));
        await editor.PostAsync($"/admin/artikel/bearbeiten/{id}", Edit(token, "Vergleich", "vergleich", "Zwei."));
        var ids = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());

        var page = await editor.GetStringAsync($"/admin/artikel/versionen/{id}");
        Assert.Matches($"name=\"a\" value=\"{ids[0]}\"[^>]*checked", page);
        Assert.Matches($"name=\"b\" value=\"{ids[1]}\"[^>]*checked", page);
        var nothing = WebUtility.HtmlDecode(await editor.GetStringAsync($"/admin/artikel/versionen/{id}?vergleichen=1"));
        Assert.Contains("Bitte wählen Sie in der Spalte „Alt“ und in der Spalte „Neu“ je eine Version", nothing);
        var same = WebUtility.HtmlDecode(await editor.GetStringAsync($"/admin/artikel/versionen/{id}?a={ids[1]}&b={ids[1]}&vergleichen=1"));
        Assert.Contains("Bitte wählen Sie zwei verschiedene Versionen", same);
        Assert.DoesNotContain("class=\"diff\"", same);
    }

    private static int IdIn(HttpResponseMessage saved)
    {
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return int.Parse(Regex.Match(saved.Headers.Location!.OriginalString, @"/bearbeiten/(\d+)").Groups[1].Value);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
