using System.Net;
using System.Text;

namespace Goldfeder.Features.Search;

/// <summary>
/// Snippets for the hit list, built from the stored text (not by the database), so both providers show the same:
/// every piece is HTML-encoded, and only our own &lt;mark&gt; around the matched words is markup.
/// </summary>
public static class Snippet
{
    public const int Length = 220;

    /// <summary>The whole text, encoded, with its matched words marked.</summary>
    public static string Highlight(string text, Func<string, bool> matches)
    {
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (start, length) in GermanWords.Find(text))
        {
            if (!matches(text.Substring(start, length))) continue;
            html.Append(WebUtility.HtmlEncode(text[at..start]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    /// <summary>About <see cref="Length"/> characters around the first matched word (the text's start when none), cut at word boundaries.</summary>
    public static string Around(string text, Func<string, bool> matches)
    {
        text = text.ReplaceLineEndings(" ");
        var first = GermanWords.Find(text).Cast<(int Start, int Length)?>().FirstOrDefault(w => matches(text.Substring(w!.Value.Start, w.Value.Length)));
        var start = first is { } f ? Math.Max(0, f.Start - Length / 3) : 0;
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space < 0 || space >= (first?.Start ?? 0) ? start : space + 1;
        }
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            if (space > start) end = space;
        }
        var piece = Highlight(text[start..end], matches);
        return (start > 0 ? "… " : "") + piece + (end < text.Length ? " …" : "");
    }
}
