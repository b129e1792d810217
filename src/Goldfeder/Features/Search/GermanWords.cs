using System.Globalization;
using Lucene.Net.Analysis.De;
using GermanStemmer = Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer;

namespace Goldfeder.Features.Search;

/// <summary>
/// German words as search sees them: runs of letters and digits, lower-cased, reduced by the Snowball German stemmer
/// (the algorithm PostgreSQL's <c>german</c> configuration uses too): "Goldpreise" → "goldpreis", "Zentralbanken" →
/// "zentralbank", "Straße" and "Strasse" → "strass", umlauts folded ("Märkte" → "markt").
/// </summary>
public static class GermanWords
{
    [ThreadStatic] private static GermanStemmer? _stemmer;

    private static readonly CultureInfo German = Goldfeder.Common.GermanCount.Culture;

    /// <summary>Where each word starts and how long it is.</summary>
    public static IEnumerable<(int Start, int Length)> Find(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    public static string Stem(string word)
    {
        var stemmer = _stemmer ??= new GermanStemmer();
        stemmer.SetCurrent(word.ToLower(German));
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// The letter a word's stem begins with, without stemming: the stemmer only removes endings and folds ä, ö, ü into
    /// a, o, u (ß becomes "ss"), so the first letter is the lower-cased, folded first letter of the word.
    /// </summary>
    public static char FirstLetterOfStem(char first) => char.ToLowerInvariant(first) switch
    {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        'ß' => 's',
        var c => c,
    };

    /// <summary>The Snowball German stop words ("der", "und", "nicht"), as PostgreSQL's <c>german</c> configuration drops them.</summary>
    public static bool IsStopWord(string word) => GermanAnalyzer.DefaultStopSet.Contains(word.ToLowerInvariant());

    /// <summary>A text's stems, separated by spaces: what a search document stores and the in-process index reads.</summary>
    public static string Stems(string text) =>
        string.Join(' ', Find(text).Select(w => text.Substring(w.Start, w.Length)).Where(w => !IsStopWord(w)).Select(Stem));
}
