using Goldfeder.Common;
using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Articles.Admin;

public sealed class ArticleAdminTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    private static (string, string)[] Draft(string title, string status, string date, string time, string slug = "") =>
    [
        ("Draft.Title", title), ("Draft.Slug", slug), ("Draft.Lead", "Ein kurzer Vorspann."),
        ("Draft.Body", "## Erste Zwischenüberschrift\n\nAbsatz eins.\n\n## Zweite Zwischenüberschrift\n\nAbsatz zwei."),
        ("Draft.Status", status), ("Draft.Date", date), ("Draft.Time", time),
    ];

    [Fact]
    public async Task An_editor_writes_a_draft_previews_it_and_publishes_it()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));

        var preview = await editor.PostAsync("/admin/artikel/bearbeiten?handler=Preview", Form(token, Draft("Grüße aus der Redaktion", "Draft", "2026-03-29", "03:30")));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Grüße aus der Redaktion</h1>", previewHtml);
        Assert.Contains("<h2>Erste Zwischenüberschrift</h2>", previewHtml);
        Assert.Contains("03:30 Uhr", previewHtml);
        Assert.Null(await FindAsync("gruesse-aus-der-redaktion"));

        var saved = await editor.PostAsync("/admin/artikel/bearbeiten", Form(token, Draft("Grüße aus der Redaktion", "Draft", "2026-03-29", "03:30")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await FindAsync("gruesse-aus-der-redaktion");
        Assert.Equal(ArticleStatus.Draft, draft!.Status);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), draft.PublishedAtUtc);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewBrowser().GetAsync("/news/gruesse-aus-der-redaktion")).StatusCode);

        await editor.PostAsync($"/admin/artikel/bearbeiten/{draft.Id}", Form(token, Draft("Grüße aus der Redaktion", "Published", "2026-03-29", "03:30")));

        var page = await _app.NewBrowser().GetStringAsync("/news/gruesse-aus-der-redaktion");
        Assert.Contains("Zweite Zwischenüberschrift", page);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["article.create", "article.update"], audit.Select(a => a.Action));
        Assert.Contains("\"Status\":\"Draft\"", audit[1].Before);
        Assert.Contains("\"Status\":\"Published\"", audit[1].After);
    }

    [Fact]
    public async Task The_byline_proposes_the_editors_name_and_shows_the_author_next_to_the_date()
    {
        Assert.Equal(0, (await _app.CreateAccountAsync("max.muster@example.de", "Editor", "Pruef-Konto-Schluessel-2026")).Code);
        var editor = await _app.LoggedInAsync("max.muster@example.de", "Pruef-Konto-Schluessel-2026");
        var form = await editor.GetStringAsync("/admin/artikel/bearbeiten");
        Assert.Contains("name=\"Draft.Author\" value=\"Max Muster\"", form);

        var fields = Draft("Autorenzeile im Test", "Published", "2026-01-05", "09:00").Append(("Draft.Author", "Erika Mustermann")).ToArray();
        await editor.PostAsync("/admin/artikel/bearbeiten", Form(TokenIn(form), fields));

        var (_, page) = await _app.GetPageAsync("/news/autorenzeile-im-test");
        Assert.Equal("von Erika Mustermann", page.QuerySelector(".article-meta .article-author")!.TextContent);
        Assert.Equal("Erika Mustermann", (await FindAsync("autorenzeile-im-test"))!.Author);
    }

    [Fact]
    public async Task A_scheduled_article_appears_when_its_time_has_come()
    {
        await using var app = new GoldfederApp().WithFakeClock();
        var clock = app.Clock!;
        var editor = await app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var at = BerlinTime.ToBerlin(clock.GetUtcNow().UtcDateTime.AddMinutes(2));
        await editor.PostAsync("/admin/artikel/bearbeiten", Form(token, Draft("Geplanter Artikel", "Scheduled", at.ToString("yyyy-MM-dd"), at.ToString("HH:mm"))));
        Assert.Equal(ArticleStatus.Scheduled, (await app.FindArticleAsync("geplanter-artikel")).Status);
        Assert.DoesNotContain("Geplanter Artikel", await app.NewBrowser().GetStringAsync("/"));

        // Three minutes on the site's clock: the publisher's timer (every 30 s) has fired after the article's time, and its pass
        // publishes it and evicts the cached front page.
        clock.Advance(TimeSpan.FromMinutes(3));
        await Eventually.TrueAsync(async () => (await app.NewBrowser().GetStringAsync("/")).Contains("Geplanter Artikel"), Eventually.Soon,
            $"the article scheduled for {at:HH:mm} (Berlin) was not on the front page at {BerlinTime.ToBerlin(clock.GetUtcNow().UtcDateTime):HH:mm:ss}");
        Assert.Equal(HttpStatusCode.OK, (await app.NewBrowser().GetAsync("/news/geplanter-artikel")).StatusCode);
    }

    [Theory]
    [InlineData("", "Draft", "2026-01-01", "10:00", "", "Bitte geben Sie eine Überschrift ein.")]
    [InlineData("Titel", "Draft", "2026-01-01", "10:00", "Groß Buchstaben", "nur Kleinbuchstaben")]
    [InlineData("Titel", "Draft", "2026-01-01", "10:00", Seed.Slug, "schon vergeben")]
    [InlineData("Titel", "Draft", "2026-03-29", "02:30", "", "Zeitumstellung")]
    [InlineData("Titel", "Scheduled", "2020-01-01", "10:00", "", "Zukunft")]
    public async Task Bad_drafts_get_a_german_message_and_keep_what_was_typed(string title, string status, string date, string time, string slug, string message)
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));

        var response = await editor.PostAsync("/admin/artikel/bearbeiten", Form(token, Draft(title, status, date, time, slug)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("Zweite Zwischenüberschrift", html);
        Assert.Equal(4, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.CountAsync()));
    }

    [Fact]
    public async Task Marketing_may_not_edit_articles()
    {
        var marketing = await _app.StaffAsync("Marketing");

        var response = await marketing.GetAsync("/admin/artikel");

        Assert.StartsWith("/admin/kein-zugriff", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_list_finds_articles_by_title_and_status()
    {
        var editor = await _app.StaffAsync("Editor");

        var found = await editor.GetStringAsync("/admin/artikel?suche=silber&status=Published");
        var none = await editor.GetStringAsync("/admin/artikel?suche=silber&status=Draft");

        Assert.Contains("Silber oder Gold?", found);
        Assert.DoesNotContain("Macron", found);
        Assert.DoesNotContain("Silber oder Gold?", none);
    }

    private Task<Article?> FindAsync(string slug) =>
        _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug));

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
