using Goldfeder.Common;

namespace Goldfeder.Tests.Common;

/// <summary>A campaign's text part reads as a letter: no Markdown syntax, links with their addresses, line breaks kept.</summary>
public sealed class MailTextTests
{
    [Fact]
    public void Markdown_becomes_readable_text()
    {
        var text = MarkdownRenderer.ToMailText(
            "## Neues vom Markt\n\nDer **Goldpreis** steigt, [mehr dazu](https://www.example.de/news/gold) oder an <info@example.de>.\n\n" +
            "- Barren\n- Münzen\n\n1. Erstens\n2. Zweitens\n\n> Zitat\n\nHerzliche Grüße\nIhr Team", "https://www.example.de");

        Assert.Equal(
            "Neues vom Markt\n===============\n\n" +
            "Der Goldpreis steigt, mehr dazu (https://www.example.de/news/gold) oder an info@example.de.\n\n" +
            "- Barren\n- Münzen\n\n1. Erstens\n2. Zweitens\n\n> Zitat\n\nHerzliche Grüße\nIhr Team\n", text);
    }

    [Fact]
    public void A_single_line_break_stays_a_line_break_in_the_html_too()
    {
        Assert.Contains("Herzliche Grüße<br>\nIhr Team", MarkdownRenderer.ToSafeMailHtml("Herzliche Grüße\nIhr Team", "https://www.example.de"));
    }

    [Fact]
    public void Markup_in_the_text_stays_text()
    {
        var text = MarkdownRenderer.ToMailText("Ein <script>alert(1)</script> Test &amp; mehr", "https://www.example.de");
        Assert.DoesNotContain("<script", text);
        Assert.Contains("Test & mehr", text);
    }
}
