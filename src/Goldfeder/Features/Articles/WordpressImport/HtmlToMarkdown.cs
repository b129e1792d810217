using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>
/// WordPress post content (classic or Gutenberg) to the Markdown our editor writes: headings, paragraphs, lists,
/// links, images, emphasis, quotes. WordPress stores paragraphs as blank lines and adds the &lt;p&gt; tags only when it
/// renders (wpautop), so loose text is split into paragraphs at blank lines here. Gutenberg's &lt;!-- wp:… --&gt;
/// comments vanish with all other comments; shortcodes such as [caption]…[/caption] lose their brackets but keep
/// what they wrap. Anything else unknown (span, div, section) keeps its content and loses its tag.
/// </summary>
public static partial class HtmlToMarkdown
{
    private static readonly HashSet<string> Blocks =
    [
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "BLOCKQUOTE", "DIV", "FIGURE", "FIGCAPTION", "PRE", "HR", "TABLE",
        "THEAD", "TBODY", "TR", "TD", "TH", "SECTION", "ARTICLE", "HEADER", "FOOTER", "ASIDE", "DL", "DT", "DD", "ADDRESS", "CENTER",
    ];

    private static readonly HashSet<string> Dropped = ["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "FORM", "NOSCRIPT", "TEMPLATE"];

    /// <summary>Shortcodes that wrap nothing and whose output cannot be rebuilt; dropped whole.</summary>
    private static readonly string[] SelfClosingShortcodes = ["gallery", "embed", "audio", "video", "playlist", "more"];

    /// <summary>Stands for a &lt;br&gt; until the end, so that collapsing whitespace cannot eat the line break.</summary>
    private const char HardBreak = '\uE000';

    public static string Convert(string html)
    {
        var body = Parse(StripShortcodes(html));
        var markdown = string.Join("\n\n", BlocksOf(body.ChildNodes).Where(b => b.Length > 0))
            .Replace(HardBreak + " ", HardBreak.ToString()).Replace(" " + HardBreak, HardBreak.ToString())
            .Replace(HardBreak.ToString(), "\\\n");
        return markdown.Length == 0 ? "" : markdown + "\n";
    }

    /// <summary>The text of the first paragraph, for a lead when the post has no excerpt.</summary>
    public static string FirstParagraph(string html)
    {
        var body = Parse(StripShortcodes(html));
        var first = Paragraphs(body).FirstOrDefault(p => p.Length > 0);
        return first ?? "";
    }

    /// <summary>Visible text only, whitespace collapsed: for excerpts, which WordPress stores as HTML.</summary>
    public static string PlainText(string html) => Collapse(Parse(StripShortcodes(html)).TextContent);

    private static IElement Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;

    private static string StripShortcodes(string html)
    {
        var wrapping = ClosingShortcode().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Shortcode().Replace(html, m =>
            wrapping.Contains(m.Groups[1].Value) || SelfClosingShortcodes.Contains(m.Groups[1].Value, StringComparer.OrdinalIgnoreCase) ? "" : m.Value);
    }

    private static IEnumerable<string> Paragraphs(IElement body)
    {
        foreach (var node in body.ChildNodes)
        {
            if (node is IElement { TagName: "P" } p) yield return Collapse(p.TextContent);
            else if (node is IText text)
                foreach (var chunk in BlankLine().Split(text.Data)) yield return Collapse(chunk);
            else if (node is IElement e && !Blocks.Contains(e.TagName) && !Dropped.Contains(e.TagName)) yield return Collapse(e.TextContent);
        }
    }

    /// <summary>Block-level Markdown for a run of nodes; loose inline nodes between blocks become paragraphs (wpautop).</summary>
    private static List<string> BlocksOf(IEnumerable<INode> nodes)
    {
        var blocks = new List<string>();
        var paragraph = new StringBuilder();
        void Flush()
        {
            var text = paragraph.ToString().Trim().Trim(HardBreak).Trim();
            if (text.Length > 0) blocks.Add(EscapeLineStart(text));
            paragraph.Clear();
        }
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText text:
                    var chunks = BlankLine().Split(text.Data);
                    for (var i = 0; i < chunks.Length; i++)
                    {
                        if (i > 0) Flush();
                        paragraph.Append(Escape(Whitespace().Replace(chunks[i], " ")));
                    }
                    break;
                case IElement e when Dropped.Contains(e.TagName):
                    break;
                case IElement e when Blocks.Contains(e.TagName):
                    Flush();
                    blocks.Add(Block(e));
                    break;
                case IElement e:
                    paragraph.Append(Inline(e));
                    break;
            }
        }
        Flush();
        return blocks;
    }

    private static string Block(IElement e) => e.TagName switch
    {
        "H1" or "H2" => "## " + InlineOf(e),  // The article's title is the page's only h1.
        "H3" or "H4" or "H5" or "H6" => new string('#', e.TagName[1] - '0') + " " + InlineOf(e),
        "P" or "FIGCAPTION" or "DT" or "DD" or "TD" or "TH" or "ADDRESS" => EscapeLineStart(InlineOf(e)),
        "UL" or "OL" => List(e),
        "BLOCKQUOTE" => string.Join("\n", Joined(BlocksOf(e.ChildNodes)).Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l)),
        "PRE" => "```\n" + e.TextContent.Trim('\n') + "\n```",
        "HR" => "---",
        _ => Joined(BlocksOf(e.ChildNodes)),
    };

    private static string List(IElement list)
    {
        var ordered = list.TagName == "OL";
        var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        var items = new List<string>();
        foreach (var li in list.Children.Where(c => c.TagName == "LI"))
        {
            var marker = ordered ? $"{number++}. " : "- ";
            // Items are tight: their paragraphs and nested lists follow each other line by line.
            var content = string.Join("\n", BlocksOf(li.ChildNodes).Where(b => b.Length > 0));
            var lines = content.Split('\n');
            var indent = new string(' ', marker.Length);
            items.Add(marker + lines[0] + string.Concat(lines.Skip(1).Select(l => "\n" + (l.Length == 0 ? "" : indent + l))));
        }
        return string.Join("\n", items);
    }

    private static string InlineOf(IElement e) => Whitespace().Replace(string.Concat(e.ChildNodes.Select(InlineNode)), " ").Trim().Trim(HardBreak).Trim();

    private static string InlineNode(INode node) => node switch
    {
        IText text => Escape(Whitespace().Replace(text.Data, " ")),
        IElement e when Dropped.Contains(e.TagName) => "",
        IElement e => Inline(e),
        _ => "",
    };

    private static string Inline(IElement e)
    {
        switch (e.TagName)
        {
            case "BR":
                return HardBreak.ToString();
            case "IMG":
                var src = e.GetAttribute("src") ?? "";
                return src.Length == 0 ? "" : $"![{Escape(e.GetAttribute("alt") ?? "")}]({Destination(src)})";
        }
        var inner = string.Concat(e.ChildNodes.Select(InlineNode));
        if (inner.Trim().Length == 0 && e.TagName is not "A") return inner;
        return e.TagName switch
        {
            "STRONG" or "B" => Wrap(inner, "**"),
            "EM" or "I" => Wrap(inner, "*"),
            "DEL" or "S" or "STRIKE" => Wrap(inner, "~~"),
            "CODE" => "`" + e.TextContent + "`",
            "A" when e.GetAttribute("href") is { Length: > 0 } href => $"[{inner.Trim()}]({Destination(href)})",
            _ => inner,
        };
    }

    /// <summary>Emphasis markers must touch the text, so surrounding spaces move outside: "<b> fett </b>" → " **fett** ".</summary>
    private static string Wrap(string inner, string marker)
    {
        var trimmed = inner.Trim();
        var lead = inner[..(inner.Length - inner.TrimStart().Length)];
        var trail = inner[inner.TrimEnd().Length..];
        return lead + marker + trimmed + marker + trail;
    }

    private static string Destination(string url)
    {
        var trimmed = url.Trim();
        return trimmed.Any(c => c is ' ' or '(' or ')' or '<' or '>') ? "<" + trimmed.Replace(" ", "%20").Replace("<", "%3C").Replace(">", "%3E") + ">" : trimmed;
    }

    private static string Joined(IEnumerable<string> blocks) => string.Join("\n\n", blocks.Where(b => b.Length > 0));

    private static string Escape(string text) => MarkdownSpecial().Replace(text, @"\$0");

    /// <summary>Text that would start a heading, quote or list when it begins a line.</summary>
    private static string EscapeLineStart(string text) => BlockStart().Replace(text, m => m.Value.Length > 1 && char.IsDigit(m.Value[0]) ? m.Value[..^1] + "\\." : "\\" + m.Value);

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\[/([a-zA-Z_][\w-]*)\]")]
    private static partial Regex ClosingShortcode();

    [GeneratedRegex(@"\[/?([a-zA-Z_][\w-]*)(?:\s[^\[\]]*)?/?\]")]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\\`*_\[\]<]")]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex(@"^(#|>|[-+](?=\s)|\d+\.(?=\s))", RegexOptions.Multiline)]
    private static partial Regex BlockStart();
}
