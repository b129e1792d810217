using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;
using System.Text.RegularExpressions;

namespace Goldfeder.Common;

/// <summary>
/// The plain-text part of a mail from its safe HTML, written for people who read it as text: headings underlined,
/// links as "text (address)", lists with "-" or numbers, quotes with "&gt; ", no Markdown syntax left. Hand-written on
/// AngleSharp (already used by the sanitizer) because MimeKit's HtmlToText drops link addresses and list markers,
/// which a reader of the text part needs.
/// </summary>
public static partial class MailText
{
    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var text = new StringBuilder();
        Blocks(document.Body!, text, "");
        return ExtraBlankLines().Replace(text.ToString(), "\n\n").Trim() + "\n";
    }

    private static void Blocks(INode parent, StringBuilder text, string prefix)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node is not IElement e)
            {
                var loose = Inline(node).Trim();
                if (loose.Length > 0) Paragraph(text, prefix, loose);
                continue;
            }
            switch (e.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var heading = Inline(e).Trim();
                    Paragraph(text, prefix, heading + "\n" + new string(e.LocalName is "h1" or "h2" ? '=' : '-', Math.Min(heading.Length, 60)));
                    break;
                case "ul" or "ol":
                    var number = 0;
                    foreach (var li in e.Children.Where(c => c.LocalName == "li"))
                    {
                        var marker = e.LocalName == "ol" ? $"{++number}. " : "- ";
                        var item = new StringBuilder();
                        Blocks(li, item, "");
                        var lines = item.ToString().Trim().Split('\n').Where(l => l.Length > 0);
                        text.Append(prefix).Append(marker).Append(string.Join("\n" + prefix + new string(' ', marker.Length), lines)).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case "blockquote":
                    Blocks(e, text, prefix + "> ");
                    break;
                case "hr":
                    Paragraph(text, prefix, "----");
                    break;
                case "table":
                    foreach (var row in e.QuerySelectorAll("tr"))
                        text.Append(prefix).Append(string.Join(" | ", row.Children.Select(c => Inline(c).Trim()))).Append('\n');
                    text.Append('\n');
                    break;
                case "div" or "section" or "article" or "li":
                    Blocks(e, text, prefix);
                    break;
                default:
                    Paragraph(text, prefix, Inline(e).Trim());
                    break;
            }
        }
    }

    private static void Paragraph(StringBuilder text, string prefix, string content)
    {
        content = SpacesAroundBreaks().Replace(content, "\n");
        if (content.Length == 0) return;
        text.Append(prefix).Append(content.Replace("\n", "\n" + prefix)).Append("\n\n");
    }

    private static string Inline(INode node) => node switch
    {
        IText t => Spaces().Replace(t.Data, " "),
        IElement { LocalName: "br" } => "\n",
        IElement { LocalName: "img" } img => img.GetAttribute("alt") is { Length: > 0 } alt ? $"[Bild: {alt}]" : "",
        IElement { LocalName: "a" } a => Link(string.Concat(a.ChildNodes.Select(Inline)).Trim(), a.GetAttribute("href") ?? ""),
        IElement e => string.Concat(e.ChildNodes.Select(Inline)),
        _ => "",
    };

    private static string Link(string label, string href)
    {
        var address = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
        return address.Length == 0 || label == address || label == href ? (label.Length > 0 ? label : address) : $"{label} ({address})";
    }

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" *\n *")]
    private static partial Regex SpacesAroundBreaks();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
