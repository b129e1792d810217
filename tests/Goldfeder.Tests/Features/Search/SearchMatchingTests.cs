using System.Net;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Search;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Search;

/// <summary>
/// German matching on the provider under test (tests/run.sh runs this class on SQLite's FTS5 and on PostgreSQL's
/// <c>german</c> configuration). The articles are saved once; every test only reads.
/// </summary>
public sealed class SearchMatchingTests(SearchMatchingTests.Articles app) : IClassFixture<SearchMatchingTests.Articles>
{
    public sealed class Articles : GoldfederApp, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var now = DateTime.UtcNow;
            await Save("goldpreis-klettert", "Der Goldpreis klettert", "Die Zentralbank kauft weiter Barren.", now.AddDays(-3));
            await Save("strasse-der-tresore", "Eine Straße voller Tresore", "Münzen und Barren in der Kölner Innenstadt.", now.AddDays(-4));
            await Save("asiens-notenbanken", "Asiens Notenbanken", "Die Zentralbanken Asiens stocken ihre Reserven auf.", now.AddDays(-5));
            await Save("rhodium-bericht", "Rhodium im Überblick", "Ein seltenes Metall.", now.AddDays(-6),
                author: "Hildegard Brenner", category: "Edelmetallmärkte", tag: "Industriemetalle");
            // Ranking: a headline hit before newer text hits, newer before older among equals.
            await Save("platin-alt", "Platin glänzt", "Ein Rückblick.", now.AddDays(-30));
            await Save("platin-neu", "Wochenbericht", "Auch Platin zog an.", now.AddDays(-2));
            await Save("platin-neuer", "Tagesbericht", "Platin gefragt.", now.AddDays(-1));
            await Save("osmium", "<script>alert(1)</script> Osmium & <b>Iridium</b>", "Osmium <img src=x onerror=alert(2)> ist selten.", now.AddDays(-7));
        }

        private Task Save(string slug, string title, string body, DateTime at, string author = "", string? category = null, string? tag = null) =>
            InScopeAsync(async services =>
            {
                var article = new Article
                {
                    Slug = slug, Title = title, Lead = "Ein Vorspann.", BodyMarkdown = body, Author = author,
                    Status = ArticleStatus.Published, PublishedAtUtc = at,
                    Categories = category is null ? [] : [new Category { Name = category, Slug = Goldfeder.Common.Slug.From(category) }],
                    Tags = tag is null ? [] : [new Tag { Name = tag, Slug = Goldfeder.Common.Slug.From(tag) }],
                };
                await services.GetRequiredService<ArticleSaver>().SaveAsync(article);
            });

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private Task<SearchResults> FindAsync(string query, int page = 1) =>
        app.InScopeAsync(s => s.GetRequiredService<ArticleSearch>().FindAsync(SearchQuery.Parse(query), page, 10, CancellationToken.None));

    [Theory]
    [InlineData("Goldpreise", "goldpreis-klettert")]          // plural finds singular
    [InlineData("goldpreis", "goldpreis-klettert")]           // case
    [InlineData("GOLDPREIS", "goldpreis-klettert")]
    [InlineData("Gold", "goldpreis-klettert")]                // a compound's first part
    [InlineData("Zentralbanken", "goldpreis-klettert")]       // plural query, singular text
    [InlineData("Zentralbank", "asiens-notenbanken")]         // singular query, plural text
    [InlineData("Strasse", "strasse-der-tresore")]            // ß folded
    [InlineData("Straße", "strasse-der-tresore")]
    [InlineData("Tresor", "strasse-der-tresore")]
    [InlineData("Munzen", "strasse-der-tresore")]             // umlaut folded
    [InlineData("Kölner", "strasse-der-tresore")]
    [InlineData("Edelmetallmarkt", "rhodium-bericht")]        // a category
    [InlineData("Industriemetall", "rhodium-bericht")]        // a tag
    [InlineData("Brenner", "rhodium-bericht")]                // the author
    [InlineData("Goldpreis Zentralbank", "goldpreis-klettert")]
    [InlineData("der Goldpreis", "goldpreis-klettert")]       // stop words are no obstacle
    public async Task A_german_query_finds_the_article(string query, string slug)
    {
        var results = await FindAsync(query);
        Assert.Contains(slug, results.Hits.Select(h => h.Slug));
    }

    [Theory]
    [InlineData("Goldpreis Zentralbank", "asiens-notenbanken")] // every word must occur
    [InlineData("Platin", "goldpreis-klettert")]
    [InlineData("Go", "goldpreis-klettert")]                     // short words match whole, not as a prefix
    public async Task A_german_query_does_not_find_the_article(string query, string slug)
    {
        var results = await FindAsync(query);
        Assert.DoesNotContain(slug, results.Hits.Select(h => h.Slug));
    }

    [Fact]
    public async Task Headline_hits_come_first_then_the_newest()
    {
        var results = await FindAsync("Platin");
        Assert.Equal(["platin-alt", "platin-neuer", "platin-neu"], results.Hits.Select(h => h.Slug));
        Assert.Equal(3, results.Total);
    }

    [Fact]
    public async Task Matched_words_are_marked_in_headline_and_snippet()
    {
        var hit = Assert.Single((await FindAsync("Zentralbanken Goldpreise")).Hits);
        Assert.Equal("Der <mark>Goldpreis</mark> klettert", hit.TitleHtml);
        Assert.Contains("Die <mark>Zentralbank</mark> kauft weiter Barren.", hit.SnippetHtml);
    }

    [Fact]
    public async Task The_search_page_lists_hits_with_count_and_snippets()
    {
        var (response, page) = await app.GetPageAsync("/suche?q=Stra%C3%9Fe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1 Treffer für „Straße“", page.QuerySelector(".search-count")!.TextContent);
        var link = page.QuerySelector(".search-results h2 a")!;
        Assert.Equal("/news/strasse-der-tresore", link.GetAttribute("href"));
        Assert.Equal("Straße", link.QuerySelector("mark")!.TextContent);
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task No_hits_answer_in_german_with_the_words_that_find_something_alone()
    {
        var (response, page) = await app.GetPageAsync("/suche?q=Rhodium+Quarzuhr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var none = page.QuerySelector(".search-none")!;
        Assert.Contains("Keine Treffer für „Rhodium Quarzuhr“.", none.TextContent);
        Assert.Equal(["/suche?q=rhodium"], none.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.NotEmpty(page.QuerySelectorAll("#newest-heading + ul li"));
    }

    [Fact]
    public async Task Headlines_and_texts_are_encoded_and_only_our_mark_is_markup()
    {
        var response = await app.Browser().GetAsync("/suche?q=Osmium");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Osmium</mark> &amp; &lt;b&gt;Iridium&lt;/b&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>Iridium", html);
        Assert.DoesNotContain("onerror", html); // the body is sanitised at save and its tags are not part of the text
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("gold*")]
    [InlineData("\"Gold")]
    [InlineData("Gold AND OR NOT NEAR(")]
    [InlineData("TitleTerms:gold")]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    [InlineData("gold & !silber | (platin) <-> :*")]
    [InlineData("^gold -silber +platin")]
    [InlineData("%00%27")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Any_input_gets_a_normal_german_page(string query)
    {
        var response = await app.Browser().GetAsync("/suche?q=" + Uri.EscapeDataString(query) + "&seite=x");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Suche</h1>", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task Two_thousand_characters_and_a_far_page_get_a_normal_page()
    {
        var response = await app.Browser().GetAsync("/suche?q=" + string.Concat(Enumerable.Repeat("Goldpreis ", 200)) + "&seite=999999999999");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Der <mark>Goldpreis</mark> klettert", html);
    }
}
