using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Articles;

public class ArticlePageTests(GoldfederApp app) : IClassFixture<GoldfederApp>
{
    // Every text block the reader sees, in document order. The seed's text copy leaves out what its page shows as
    // pictures or controls (the related articles, the "Abschicken" button), so those are checked on their own.
    private const string ReaderBlocks =
        ".trust-bar .trust-label, .trust-bar strong, .brand, .article-date, .article-time, .article h1, .article .lead, " +
        ".article-body > *, #related-heading, #newsletter-heading, .newsletter-invitation, " +
        ".newsletter-consent, #careers-heading, .careers-teaser p, .careers-teaser a";

    [Fact]
    public async Task Seed_article_shows_every_text_of_the_customer_page_in_order_word_for_word()
    {
        var (response, page) = await app.GetPageAsync($"/news/{Seed.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = page.QuerySelectorAll(ReaderBlocks).Select(Text).ToList();
        Assert.Equal(ExpectedBlocks(), actual);
    }

    [Fact]
    public async Task Seed_article_has_its_structure_links_and_time()
    {
        var (_, page) = await app.GetPageAsync($"/news/{Seed.Slug}");

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("tel:+4979302699", page.QuerySelector(".trust-hotline a")!.GetAttribute("href"));
        var time = page.QuerySelector(".article-meta time")!;
        Assert.Equal("2026-02-10T19:52:00+01:00", time.GetAttribute("datetime"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(
            ["Der Kreml bestätigt: Die Kanäle sind wieder offen", "Macrons wahres Motiv: Europa soll nicht am Katzentisch sitzen",
             "Scharfe Töne gegen Washington", "Ein diplomatisches Spiel mit ungewissem Ausgang"],
            page.QuerySelectorAll(".article-body h2").Select(Text));

        var form = page.QuerySelector(".newsletter-box form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/newsletter", form.GetAttribute("action"));
        var email = form.QuerySelector("input[name=email]")!;
        Assert.Equal("email", email.GetAttribute("type"));
        Assert.Equal("Abschicken", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Equal("E-Mail-Adresse", page.QuerySelector($"label[for={email.Id}]")!.TextContent.Trim());
        Assert.Equal("/karriere", page.QuerySelector(".careers-teaser a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Related_articles_are_the_editors_picks_first_then_the_newest_others()
    {
        var (_, page) = await app.GetPageAsync($"/news/{Seed.Slug}");

        var links = page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/news/gold-als-krisenschutz-was-anleger-wissen-sollten", "/news/silber-oder-gold-fuer-einsteiger", "/news/edelmetalle-sicher-lagern"],
            links);
        var (response, _) = await app.GetPageAsync(links[0]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_slug_gets_the_german_not_found_page()
    {
        var (response, page) = await app.GetPageAsync("/news/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".trust-bar"));
    }

    private static string Text(IElement e) => Regex.Replace(e.TextContent, @"\s+", " ").Trim();

    private static List<string> ExpectedBlocks()
    {
        var lines = Seed.Lines.ToList();
        // The seed breaks the trust bar's "Sicherer Versand" over two lines; on our page it is one label.
        var i = lines.IndexOf("Sicherer");
        Assert.Equal("Versand", lines[i + 1]);
        lines[i] = "Sicherer Versand";
        lines.RemoveAt(i + 1);
        return lines;
    }
}
