using Goldfeder.Features.Articles.WordpressImport;

namespace Goldfeder.Tests.Features.Articles.WordpressImport;

public class WordpressMarkdownTests
{
    [Theory]
    [InlineData("<p>Ein <strong>fetter</strong> und ein <em>kursiver</em> Satz.</p>", "Ein **fetter** und ein *kursiver* Satz.\n")]
    [InlineData("Erster Absatz.\n\nZweiter Absatz\nin zwei Zeilen.", "Erster Absatz.\n\nZweiter Absatz in zwei Zeilen.\n")]
    [InlineData("<!-- wp:heading --><h2 class=\"wp-block-heading\">Zwischenüberschrift</h2><!-- /wp:heading -->", "## Zwischenüberschrift\n")]
    [InlineData("<h1>Groß</h1><h4>Klein</h4>", "## Groß\n\n#### Klein\n")]
    [InlineData("<ul><li>eins<ul><li>eins-a</li></ul></li><li>zwei</li></ul>", "- eins\n  - eins-a\n- zwei\n")]
    [InlineData("<ol><li>erstens</li><li>zweitens</li></ol>", "1. erstens\n2. zweitens\n")]
    [InlineData("<p><a href=\"https://example.de/a\">Link</a></p>", "[Link](https://example.de/a)\n")]
    [InlineData("<img src=\"https://example.de/bild.jpg\" alt=\"Ein Bild\">", "![Ein Bild](https://example.de/bild.jpg)\n")]
    [InlineData("<blockquote><p>Zitat</p></blockquote>", "> Zitat\n")]
    [InlineData("[caption id=\"a\" width=\"300\"]<img src=\"/b.jpg\" alt=\"B\"> Unterschrift[/caption]", "![B](/b.jpg) Unterschrift\n")]
    [InlineData("[gallery ids=\"1,2\"]\n\nText mit [eckigen Klammern].", "Text mit \\[eckigen Klammern\\].\n")]
    [InlineData("<p>Zeile eins<br>Zeile zwei</p>", "Zeile eins\\\nZeile zwei\n")]
    [InlineData("<p>1984. Ein Jahr.</p>", "1984\\. Ein Jahr.\n")]
    [InlineData("<p>Mal *so* und _so_</p>", "Mal \\*so\\* und \\_so\\_\n")]
    [InlineData("<script>alert(1)</script><p>bleibt</p>", "bleibt\n")]
    public void Wordpress_html_becomes_clean_markdown(string html, string markdown) =>
        Assert.Equal(markdown, HtmlToMarkdown.Convert(html));

    [Theory]
    [InlineData("<!-- wp:heading --><h2>Titel</h2><!-- /wp:heading --><!-- wp:paragraph --><p>Erster <b>Absatz</b>.</p>", "Erster Absatz.")]
    [InlineData("Loser Text\nüber zwei Zeilen.\n\nZweiter.", "Loser Text über zwei Zeilen.")]
    public void The_first_paragraph_is_the_lead_when_there_is_no_excerpt(string html, string lead) =>
        Assert.Equal(lead, HtmlToMarkdown.FirstParagraph(html));
}
