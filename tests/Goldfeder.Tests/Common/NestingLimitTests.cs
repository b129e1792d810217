using System.Net;
using System.Text;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Campaigns;
using Goldfeder.Tests.Features.Articles.WordpressImport;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Common;

/// <summary>
/// Text nested too deeply for the parsers: tens of thousands of &lt;div&gt;s (HtmlSanitizer's time grows with the
/// square of the depth) and Markdown beyond Markdig's depth limit (which Markdig refuses with an exception). Both are
/// refused with a German message naming the limit before anything is parsed or stored, for articles, campaigns and the
/// WordPress import alike.
/// </summary>
public sealed class NestingLimitTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    private static string NestedDivs(int depth) => new StringBuilder().Insert(0, "<div>", depth).Append("Gold").Insert(5 * depth + 4, "</div>", depth).ToString();
    private static string NestedQuotes(int depth) => new string('>', depth) + " Gold ist Geld.";

    [Theory]
    [InlineData("<p>Absatz<p>noch einer<ul><li>eins<li>zwei</ul>", 1)]
    [InlineData("<div><br><img src=x><hr/><span/><section><b>x</b></section></div>", 3)]
    [InlineData("Text 3 < 4 und <3 und < div", 0)]
    [InlineData("<div></div><div></div>", 1)]
    public void The_scan_counts_nesting_as_a_parser_would(string html, int depth) => Assert.Equal(depth, HtmlNesting.DepthOf(html));

    [Fact]
    public void The_scan_of_deep_html_stops_early_and_is_fast_enough_to_run_before_every_parse() =>
        Assert.Equal(HtmlNesting.Limit + 1, HtmlNesting.DepthOf(NestedDivs(200_000)));

    [Theory]
    [InlineData("divs")]
    [InlineData("quotes")]
    public async Task An_article_nested_too_deeply_is_refused_with_a_german_message_naming_the_limit(string kind)
    {
        var (body, limit) = kind == "divs" ? (NestedDivs(15_000), "höchstens 100 Ebenen") : (NestedQuotes(200), "höchstens 128 Ebenen");
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        (string, string)[] draft = [("Draft.Title", "Tief verschachtelt"), ("Draft.Lead", "Vorspann."), ("Draft.Body", body), ("Draft.Status", "Published"), ("Draft.Date", "2026-01-05"), ("Draft.Time", "09:00")];

        var saved = await editor.PostAsync("/admin/artikel/bearbeiten", Form(token, draft));
        var preview = await editor.PostAsync("/admin/artikel/bearbeiten?handler=Preview", Form(token, draft));

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains(limit, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(limit, await preview.Content.ReadAsStringAsync());
        Assert.False(await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Articles.AnyAsync(a => a.Title == "Tief verschachtelt")));
    }

    [Theory]
    [InlineData("divs")]
    [InlineData("quotes")]
    public async Task A_campaign_nested_too_deeply_is_refused_so_none_is_stored_that_could_never_be_sent(string kind)
    {
        var (body, limit) = kind == "divs" ? (NestedDivs(15_000), "höchstens 100 Ebenen") : (NestedQuotes(200), "höchstens 128 Ebenen");

        var (campaign, errors) = await _app.InScopeAsync(s => s.GetRequiredService<CampaignControl>()
            .CreateAsync(new CampaignControl.Draft("Tief", null, body, false), default));

        Assert.Null(campaign);
        Assert.Contains(limit, errors["BodyMarkdown"]);
    }

    [Theory]
    [InlineData("divs", "tiefer als 100 Ebenen")]
    [InlineData("lists", "höchstens 128 Ebenen")]
    public async Task A_wordpress_post_nested_too_deeply_refuses_the_file_with_its_line_and_nothing_is_imported(string kind, string reason)
    {
        // 70 nested lists are within the HTML limit (a <li> needs no end tag) but, as Markdown, beyond Markdig's.
        var deep = kind == "divs" ? NestedDivs(50_000) : string.Concat(Enumerable.Repeat("<ul><li>Gold", 70)) + string.Concat(Enumerable.Repeat("</li></ul>", 70));
        var wxr = (await File.ReadAllTextAsync(WordpressImportTests.Export)).Replace("<content:encoded><![CDATA[", "<content:encoded><![CDATA[" + deep);

        var refused = await Assert.ThrowsAsync<Goldfeder.Features.Articles.WordpressImport.WxrFormatException>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<Goldfeder.Features.Articles.WordpressImport.WordpressImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(wxr)), "test")));

        Assert.Contains(reason, refused.Reason);
        Assert.True(refused.Line > 1);
        Assert.False(await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().WordpressPosts.AnyAsync()));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
