using Goldfeder.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Articles.WordpressImport;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Articles.WordpressImport;

public sealed class WordpressImportTests : IAsyncLifetime
{
    public static readonly string Export = Path.Combine(AppContext.BaseDirectory, "Features", "Articles", "WordpressImport", "wordpress-export.xml");

    private readonly GoldfederApp _app = new();

    // Without an excerpt the first paragraph is the lead, shown above the text: it is not repeated in the text.
    private const string GoldpreisMarkdown = """
        ## Warum Gold steigt

        - Zinssenkungen der Notenbanken
        - Geopolitische Krisen
          - Nahost
          - Ukraine

        Mehr dazu in unserem [Ratgeber zum Goldkauf](https://alt.example.de/ratgeber/gold-kaufen/).

        ![Goldbarren im Tresor](https://alt.example.de/wp-content/uploads/2024/03/barren.jpg)

        > Gold ist Geld, alles andere ist Kredit.
        >
        > J. P. Morgan

        """;

    private const string SilberMarkdown = """
        Silbermünzen sind der günstige Einstieg in Edelmetalle.

        Anders als bei Gold fällt beim Kauf von Silber *Mehrwertsteuer* an. Das sollten Sie einplanen. Zum Vergleich: [der Goldpreis](/news/goldpreis-ueber-2000-dollar#warum).

        ![Maple Leaf Silbermünze](https://alt.example.de/wp-content/uploads/2024/07/maple-leaf.jpg) Die Maple Leaf gehört zu den beliebtesten Anlagemünzen.

        ### Welche Münzen?

        1. Maple Leaf
        2. Krügerrand

        """;

    [Fact]
    public async Task The_operator_command_imports_posts_with_markdown_statuses_berlin_dates_authors_and_topics()
    {
        var (code, output) = await _app.RunCommandAsync("import", "wordpress", Export);

        Assert.Equal(0, code);
        Assert.Equal("imported: 4 (published 2, scheduled 1, drafts 1), skipped as already imported: 0", output.Trim());
        var gold = await ArticleAsync("goldpreis-ueber-2000-dollar");
        Assert.Equal("Goldpreis über 2.000 Dollar: Was Anleger jetzt wissen müssen", gold.Title);
        Assert.Equal(ArticleStatus.Published, gold.Status);
        Assert.Equal(GoldpreisMarkdown.ReplaceLineEndings("\n"), gold.BodyMarkdown);
        Assert.Equal("Der Goldpreis hat die Marke von 2.000 US-Dollar je Feinunze überschritten – ein historischer Moment.", gold.Lead);
        Assert.Equal("Max Muster", gold.Author);
        Assert.Equal(["Gold"], gold.Categories.Select(c => c.Name));
        Assert.Equal(["boerse", "goldpreis"], gold.Tags.Select(t => t.Slug).Order());
        Assert.Equal("05.03.2024", BerlinTime.Date(gold.PublishedAtUtc));
        Assert.Equal("10:15 Uhr", BerlinTime.Time(gold.PublishedAtUtc));

        var silber = await ArticleAsync("silbermuenzen-fuer-einsteiger");
        Assert.Equal(SilberMarkdown.ReplaceLineEndings("\n"), silber.BodyMarkdown);
        Assert.Equal("Warum Silber der günstige Einstieg ist.", silber.Lead);
        Assert.Equal("Erika Kaiser", silber.Author);
        Assert.Equal("08:00 Uhr", BerlinTime.Time(silber.PublishedAtUtc)); // summer time: 06:00 UTC
        Assert.Equal(["Münzen"], silber.Categories.Select(c => c.Name));

        // A draft has no GMT date in the export: its wall-clock time is read as Berlin time.
        var draft = await ArticleAsync("platin-im-ueberblick");
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Equal(new DateTime(2024, 11, 2, 13, 0, 0, DateTimeKind.Utc), draft.PublishedAtUtc);
        Assert.Equal("Platin ist seltener als Gold.", draft.Lead);
        Assert.Equal("Platin ist seltener als Gold.\n", draft.BodyMarkdown); // its only paragraph stays
        var future = await ArticleAsync("ausblick-2031");
        Assert.Equal(ArticleStatus.Scheduled, future.Status);
        Assert.Equal(new DateTime(2031, 1, 15, 8, 0, 0, DateTimeKind.Utc), future.PublishedAtUtc);

        // Pages, attachments and menu items are not articles.
        var slugs = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.Select(a => a.Slug).ToListAsync());
        Assert.DoesNotContain("impressum", slugs);
        Assert.DoesNotContain("barren", slugs);
        Assert.DoesNotContain("start", slugs);

        var (response, page) = await _app.GetPageAsync("/news/goldpreis-ueber-2000-dollar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("von Max Muster", page.QuerySelector(".article-author")!.TextContent);
        Assert.Equal(["Nahost", "Ukraine"], page.QuerySelectorAll(".article-body ul ul li").Select(li => li.TextContent));
    }

    [Theory]
    [InlineData("/2024/03/goldpreis-ueber-2000-dollar/", "/news/goldpreis-ueber-2000-dollar")]
    [InlineData("/2024/03/goldpreis-ueber-2000-dollar", "/news/goldpreis-ueber-2000-dollar")]
    [InlineData("/2024/03/goldpreis-ueber-2000-dollar/?utm_source=newsletter", "/news/goldpreis-ueber-2000-dollar")]
    [InlineData("/?p=101", "/news/goldpreis-ueber-2000-dollar")]
    [InlineData("/2024/07/silbermuenzen-fuer-einsteiger/", "/news/silbermuenzen-fuer-einsteiger")]
    [InlineData("/?p=102", "/news/silbermuenzen-fuer-einsteiger")]
    public async Task Old_wordpress_addresses_answer_with_a_301_to_the_article(string old, string target)
    {
        await _app.RunCommandAsync("import", "wordpress", Export);

        var response = await _app.Browser().GetAsync(old);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Drafts_pages_and_unknown_addresses_are_not_redirected()
    {
        await _app.RunCommandAsync("import", "wordpress", Export);
        var browser = _app.Browser();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/?p=103")).StatusCode); // the draft: just the home page
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/2031/01/ausblick-2031/")).StatusCode); // scheduled, not yet public
        // WordPress's own Impressum page is not imported or redirected: the site's Impressum answers there.
        var (imprint, imprintPage) = await _app.GetPageAsync("/impressum/");
        Assert.Equal(HttpStatusCode.OK, imprint.StatusCode);
        Assert.Equal("Impressum", imprintPage.QuerySelector("h1")!.TextContent);
        var (unknown, page) = await _app.GetPageAsync("/2019/01/gibt-es-nicht.html");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Seite nicht gefunden", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        await _app.RunCommandAsync("import", "wordpress", Export);
        var before = await CountsAsync();

        var (code, output) = await _app.RunCommandAsync("import", "wordpress", Export);

        Assert.Equal(0, code);
        Assert.Contains("imported: 0", output);
        Assert.Contains("skipped as already imported: 4", output);
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, int, string> MalformedFiles => new()
    {
        // what is changed in the fixture, into what, the line reported, the reason
        { "<title><![CDATA[Silbermünzen für Einsteiger]]></title>", "<title></title>", 100, "Beitrag ohne Titel" },
        { "<wp:post_id>104</wp:post_id>", "<wp:post_id>vier</wp:post_id>", 161, "wp:post_id" },
        { "<wp:post_date><![CDATA[2024-11-02 14:00:00]]></wp:post_date>", "<wp:post_date>gestern</wp:post_date>", 143, "Datum" },
        { "<description></description>\n\t\t<content:encoded><![CDATA[<p>Was", "<description>\n\t\t<content:encoded><![CDATA[<p>Was", 169, "kein gültiges XML" },
        { "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", 2, "DTD" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_its_line_and_nothing_is_imported(string original, string broken, int line, string reason)
    {
        var text = File.ReadAllText(Export).ReplaceLineEndings("\n");
        Assert.Contains(original, text);
        var before = await CountsAsync();

        var refused = await Assert.ThrowsAsync<WxrFormatException>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<WordpressImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.Replace(original, broken))), "test")));

        Assert.Equal(line, refused.Line);
        Assert.Contains(reason, refused.Reason);
        Assert.StartsWith($"line {line}: ", refused.Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_editor_uploads_the_export_in_the_admin_and_the_import_is_audited()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/import"));

        var uploaded = await editor.PostAsync("/admin/artikel/import", Upload(token, File.ReadAllBytes(Export)));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var result = await editor.GetStringAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Contains("Import abgeschlossen: 4 Beiträge übernommen, 0 schon früher importiert", result);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.Where(a => a.Action == "wordpress.import").ToListAsync());
        Assert.Equal("wordpress-export.xml", Assert.Single(audit).Subject);

        var broken = await editor.PostAsync("/admin/artikel/import", Upload(token, Encoding.UTF8.GetBytes("<rss><channel>")));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Die Datei wurde nicht importiert, nichts wurde übernommen. Zeile 1:", await broken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_editors_and_admins_may_import()
    {
        var marketing = await _app.StaffAsync("Marketing");
        var response = await marketing.GetAsync("/admin/artikel/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/kein-zugriff", response.Headers.Location!.OriginalString);
    }

    private static MultipartFormDataContent Upload(string token, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { content, "datei", "wordpress-export.xml" } };
    }

    private Task<Article> ArticleAsync(string slug) => _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.AsNoTracking()
        .Include(a => a.Categories).Include(a => a.Tags).SingleAsync(a => a.Slug == slug));

    private Task<(int Articles, int Revisions, int Posts, int Categories, int Tags)> CountsAsync() => _app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<GoldfederDb>();
        return (await db.Articles.CountAsync(), await db.ArticleRevisions.CountAsync(), await db.WordpressPosts.CountAsync(),
            await db.Categories.CountAsync(), await db.Tags.CountAsync());
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
