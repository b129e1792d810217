namespace Goldfeder.Features.Search;

/// <summary>
/// Whether a word of a text is one a query looks for, for highlighting. Snippets ask for every word up to the first
/// match, so this is on the search's hot path: a word whose first letter no query stem begins with is refused without
/// stemming or copying (<see cref="GermanWords.FirstLetterOfStem"/>), and each distinct word is stemmed once.
/// One per search: not thread-safe.
/// </summary>
public sealed class WordMatcher
{
    private readonly (string Stem, bool Prefix)[] _stems;
    private readonly string _firstLetters;
    private readonly Dictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _seenBySpan;

    public WordMatcher(IEnumerable<(string Stem, bool Prefix)> terms)
    {
        _stems = [.. terms.Where(t => t.Stem.Length > 0)];
        _firstLetters = new string([.. _stems.Select(s => s.Stem[0]).Distinct()]);
        _seenBySpan = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Matches(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || !_firstLetters.Contains(GermanWords.FirstLetterOfStem(word[0]))) return false;
        if (_seenBySpan.TryGetValue(word, out var known)) return known;
        var stem = GermanWords.Stem(word.ToString());
        var matches = false;
        foreach (var (s, prefix) in _stems)
            matches |= prefix ? stem.StartsWith(s, StringComparison.Ordinal) : stem == s;
        _seenBySpan[word] = matches;
        return matches;
    }
}
