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
    public static string Highlight(string text, WordMatcher matcher)
    {
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (start, length) in GermanWords.Find(text))
        {
            if (!matcher.Matches(text.AsSpan(start, length))) continue;
            html.Append(WebUtility.HtmlEncode(text[at..start]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    /// <summary>About <see cref="Length"/> characters around the first matched word (the text's start when none), cut at word boundaries.</summary>
    public static string Around(string text, WordMatcher matcher)
    {
        var first = -1;
        foreach (var (start, length) in GermanWords.Find(text))
        {
            if (!matcher.Matches(text.AsSpan(start, length))) continue;
            first = start;
            break;
        }
        var from = first > 0 ? Math.Max(0, first - Length / 3) : 0;
        if (from > 0)
        {
            var space = text.AsSpan(from).IndexOfAny(' ', '\n', '\r');
            from = space < 0 || from + space >= first ? from : from + space + 1;
        }
        var end = Math.Min(text.Length, from + Length);
        if (end < text.Length)
        {
            var space = text.AsSpan(0, end + 1).LastIndexOfAny(' ', '\n', '\r');
            if (space > from) end = space;
        }
        var piece = Highlight(text[from..end].ReplaceLineEndings(" "), matcher);
        return (from > 0 ? "… " : "") + piece + (end < text.Length ? " …" : "");
    }
}
