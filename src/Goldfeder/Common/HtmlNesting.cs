namespace Goldfeder.Common;

/// <summary>
/// How deeply HTML nests, found by a linear scan of its tags before any parser sees it. HTML parsers and sanitizers
/// (AngleSharp, HtmlSanitizer) take time that grows with the square of the depth: 50,000 nested &lt;div&gt;s kept
/// HtmlSanitizer busy for 18 s and 100,000 for 89 s on this machine, and nothing could stop it once started. Real text
/// (an article, a WordPress post) nests a few levels; <see cref="Limit"/> leaves room for tables in lists in quotes.
/// </summary>
public static class HtmlNesting
{
    public const int Limit = 100;

    /// <summary>Elements whose end tag may be left out (HTML's optional end tags) or that have none: they do not deepen the count.</summary>
    private static readonly HashSet<string> Unnested = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "rt", "rp",
    };

    /// <summary>The deepest nesting of elements, counting open tags not yet closed; stops counting past <paramref name="stopAbove"/>.</summary>
    public static int DepthOf(string html, int stopAbove = Limit)
    {
        int depth = 0, deepest = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-')) end++;
            if (end == start || !char.IsAsciiLetter(html[start])) continue;
            var name = html.AsSpan(start, end - start).ToString();
            if (Unnested.Contains(name)) continue;
            var close = html.IndexOf('>', end);
            if (!closing && close > 0 && html[close - 1] == '/') continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > deepest && (deepest = depth) > stopAbove) return deepest;
        }
        return deepest;
    }

    /// <summary>A German message naming the limit when the HTML nests deeper, else null.</summary>
    public static string? Problem(string html) =>
        DepthOf(html) > Limit
            ? $"Der Text enthält zu tief verschachteltes HTML: höchstens {Limit} Ebenen ineinander liegender Elemente (etwa <div>) sind erlaubt. Bitte vereinfachen Sie ihn."
            : null;
}
