namespace Goldfeder.Features.Search;

/// <summary>
/// A reader's query reduced to words: only letters and digits survive, so operators, quotes, SQL and <c>*</c> are
/// mere separators. All words must occur (AND); a word of four or
/// more letters also finds words that begin with its stem ("Gold" finds "Goldpreis": compounds lead with their
/// first part).
/// </summary>
public sealed class SearchQuery
{
    public const int MaxInput = 200;
    public const int MaxWords = 8;
    private const int MaxWordLength = 50;
    private const int PrefixFrom = 4;

    public IReadOnlyList<string> Words { get; }

    private SearchQuery(IReadOnlyList<string> words) => Words = words;

    public bool IsEmpty => Words.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxInput) text = text[..MaxInput];
        var words = GermanWords.Find(text)
            .Select(w => text.Substring(w.Start, w.Length).ToLowerInvariant())
            .Where(w => w.Length is >= 2 and <= MaxWordLength && !GermanWords.IsStopWord(w))
            .Distinct()
            .Take(MaxWords)
            .ToList();
        return new SearchQuery(words);
    }

    /// <summary>The query of a single one of its words (the "keine Treffer" suggestions try each).</summary>
    public SearchQuery Only(string word) => new([word]);

    private static bool IsPrefix(string word) => word.Length >= PrefixFrom;

    /// <summary>Each word's Snowball stem and whether it also finds the stems that begin with it.</summary>
    public IReadOnlyList<(string Stem, bool Prefix)> Terms() => [.. Words.Select(w => (GermanWords.Stem(w), IsPrefix(w)))];

    /// <summary>Whether a word of the text is one the query looks for (for highlighting); one per search.</summary>
    public WordMatcher Matcher() => new(Terms());
}
