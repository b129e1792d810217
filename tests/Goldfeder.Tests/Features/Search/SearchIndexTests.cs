using Goldfeder.Features.Search;
using Xunit.Abstractions;

namespace Goldfeder.Tests.Features.Search;

/// <summary>The in-process index on its own: its order and its dead slots.</summary>
public sealed class SearchIndexTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static SearchEntry Entry(int id, string title, string terms, bool published = true, int version = 0) =>
        new(id, published, Start.AddMinutes(id), Start.AddSeconds(version), title, title + " " + terms);

    internal static List<int> Find(SearchIndex index, string query)
    {
        var (headline, others, _) = index.Find(SearchQuery.Parse(query).Terms(), 100, 1001);
        return [.. headline, .. others];
    }

    [Fact]
    public void Headline_hits_come_first_then_the_newest_and_only_published_articles_count()
    {
        var index = new SearchIndex();
        index.Apply([Entry(1, "gold", "barr"), Entry(2, "silb", "goldpreis"), Entry(3, "platin", "gold"), Entry(4, "gold", "x", published: false)]);

        Assert.Equal([1, 3, 2], Find(index, "Gold"));       // headline hit first, then newest; the draft nowhere
        Assert.Equal([3], Find(index, "Gold Platin"));
        Assert.Equal([1], Find(index, "Gold Barren"));
        Assert.Empty(Find(index, "Go"));                    // two letters: the whole stem only
    }

    [Fact]
    public void A_changed_document_replaces_the_old_stems_and_leaves_a_dead_slot()
    {
        var index = new SearchIndex();
        index.Apply([Entry(1, "zinnsoldat", "")]);
        index.Apply([Entry(1, "bleisoldat", "", version: 1)]);
        index.Apply([Entry(1, "bleisoldat", "", published: false, version: 1)]); // a state change only: no new slot

        Assert.Empty(Find(index, "Zinnsoldat"));
        Assert.Empty(Find(index, "Bleisoldat"));
        Assert.Equal(1, index.DeadSlots);
        index.Remove([1]);
        Assert.Equal(0, index.Articles);
    }
}

/// <summary>What the index holds in memory, measured with nothing else running (its own collection).</summary>
[Collection(nameof(SearchIndexMemoryTests))]
public sealed class SearchIndexMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Ten_thousand_articles_take_a_few_megabytes()
    {
        // Harder than bench/search.sh's articles: 300 words each from a vocabulary of 30,000 stems, skewed so a few
        // are in most articles and most in few, as in real text.
        var random = new Random(16);
        var vocabulary = Enumerable.Range(0, 30_000).Select(i => $"stamm{i}").ToArray();
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))]));
        var entries = Enumerable.Range(1, 10_000).Select(id => SearchIndexTests.Entry(id, Words(8), Words(300))).ToList();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new SearchIndex();
        foreach (var batch in entries.Chunk(500)) index.Apply(batch);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(entries);

        output.WriteLine($"10,000 articles, {index.Stems} stems: {held / 1048576.0:0.0} MB held, {index.EstimatedBytes / 1048576.0:0.0} MB estimated");
        Assert.Equal(10_000, index.Articles);
        Assert.InRange(held, 1, 40L * 1024 * 1024);
        Assert.NotEmpty(SearchIndexTests.Find(index, "stamm1"));
        GC.KeepAlive(index);
    }
}

[CollectionDefinition(nameof(SearchIndexMemoryTests), DisableParallelization = true)]
public sealed class SearchIndexMemoryCollection;

/// <summary>The highlighter's shortcut: a word's stem begins with the word's folded first letter, so other words need no stemming.</summary>
public sealed class StemFirstLetterTests
{
    [Fact]
    public void The_first_letter_of_every_stem_is_known_without_stemming()
    {
        var text = string.Join(" ", Goldfeder.Tests.Infrastructure.Seed.Lines)
            + " Ärger Öl Übersee Straße ßx Äpfel Ölpreise Überweisungen Zürich GOLDPREISE Münzen 1999er Yen über ÄÖÜ";
        var words = GermanWords.Find(text).Select(w => text.Substring(w.Start, w.Length)).Distinct().ToList();
        Assert.True(words.Count > 300, $"only {words.Count} words read");
        foreach (var word in words)
            Assert.True(GermanWords.Stem(word)[0] == GermanWords.FirstLetterOfStem(word[0]), $"{word} → {GermanWords.Stem(word)}");
    }
}
