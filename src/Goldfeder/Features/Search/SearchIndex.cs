namespace Goldfeder.Features.Search;

/// <summary>What the index learns of one article: its state and, when its document changed, the document's stems.</summary>
/// <param name="DocumentAtUtc">The document's version (<see cref="SearchDocument.ArticleUpdatedAtUtc"/>); null when it has none (never found).</param>
/// <param name="TitleTerms">The headline's stems; null when only the state changed (the index keeps the stems it has).</param>
public sealed record SearchEntry(int ArticleId, bool Published, DateTime PublishedAtUtc, DateTime? DocumentAtUtc, string? TitleTerms = null, string? Terms = null);

/// <summary>
/// The in-process search index of one instance: for every Snowball stem the articles (slots) that contain it, in the
/// text and in the headline, and the published articles newest first. A query ORs the postings of each word's stems
/// (the stem itself, or every stem it begins for a word of four or more letters) into a bitset, ANDs the words, and
/// walks the published slots newest first. Thread-safe: many readers, one writer (<see cref="SearchIndexSync"/>).
/// <para>
/// A changed document takes a new slot; the old one is left dead in the postings (it is in no walk) until
/// <see cref="DeadSlots"/> makes a fresh load worthwhile, so an update never rewrites the postings of common stems.
/// </para>
/// </summary>
public sealed class SearchIndex
{
    private sealed class Postings
    {
        public readonly List<int> All = new(1);
        public List<int>? Title;
    }

    private struct Slot
    {
        public int ArticleId;
        public bool Live;
        public bool Published;
        public DateTime PublishedAtUtc;
        public DateTime? DocumentAtUtc;
        public int TermsHash;
    }

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, Postings> _stems = new(StringComparer.Ordinal);
    private readonly List<string> _sortedStems = [];
    private readonly List<Slot> _slots = [];
    private readonly Dictionary<int, int> _slotOf = [];
    private int[] _newestFirst = [];

    public int DeadSlots { get; private set; }

    public int Articles => _slotOf.Count;

    public int Stems => _stems.Count;

    /// <summary>
    /// About how many bytes the index holds: postings (4 bytes a slot and stem, with the lists' spare room), the stems,
    /// the slots and the order. For the log at load and the memory test.
    /// </summary>
    public long EstimatedBytes
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                const int ListAndArray = 32 + 24, Entry = 24;
                long bytes = 0;
                foreach (var (stem, p) in _stems)
                {
                    bytes += 22 + 2 * stem.Length + Entry + 8 + 24 + ListAndArray + 4L * p.All.Capacity;
                    if (p.Title is not null) bytes += ListAndArray + 4L * p.Title.Capacity;
                }
                return bytes + 40L * _slots.Capacity + Entry * _slotOf.Count + 4L * _newestFirst.Length;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Takes in new and changed articles; an article with no document leaves the index.</summary>
    public void Apply(IEnumerable<SearchEntry> entries)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var e in entries) ApplyOne(e);
            _newestFirst = [.. Enumerable.Range(0, _slots.Count).Where(s => _slots[s].Live && _slots[s].Published)
                .OrderByDescending(s => _slots[s].PublishedAtUtc).ThenByDescending(s => _slots[s].ArticleId)];
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Drops the articles that are gone from the database.</summary>
    public void Remove(IEnumerable<int> articleIds) =>
        Apply(articleIds.Select(id => new SearchEntry(id, false, default, null)));

    /// <summary>Every article the index holds, with the versions it holds, for comparing with the database.</summary>
    public Dictionary<int, SearchEntry> Snapshot()
    {
        _lock.EnterReadLock();
        try
        {
            return _slotOf.ToDictionary(p => p.Key, p => new SearchEntry(p.Key, _slots[p.Value].Published, _slots[p.Value].PublishedAtUtc, _slots[p.Value].DocumentAtUtc));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void ApplyOne(SearchEntry e)
    {
        var known = _slotOf.TryGetValue(e.ArticleId, out var slot);
        // A document is new when its version or its stems differ (two saves in one clock tick share a version).
        var hash = HashCode.Combine(e.Terms, e.TitleTerms);
        if (known && (e.DocumentAtUtc is null
            || (e.Terms is not null && (_slots[slot].DocumentAtUtc != e.DocumentAtUtc || _slots[slot].TermsHash != hash))))
        {
            _slots[slot] = _slots[slot] with { Live = false };
            _slotOf.Remove(e.ArticleId);
            DeadSlots++;
            known = false;
        }
        if (e.DocumentAtUtc is null) return;
        if (known)
        {
            _slots[slot] = _slots[slot] with { Published = e.Published, PublishedAtUtc = e.PublishedAtUtc };
            return;
        }
        if (e.Terms is null) return; // a state change of an article whose document the index has not read yet
        slot = _slots.Count;
        _slots.Add(new Slot { ArticleId = e.ArticleId, Live = true, Published = e.Published, PublishedAtUtc = e.PublishedAtUtc, DocumentAtUtc = e.DocumentAtUtc, TermsHash = hash });
        _slotOf[e.ArticleId] = slot;
        foreach (var stem in Distinct(e.Terms)) PostingsOf(stem).All.Add(slot);
        foreach (var stem in Distinct(e.TitleTerms ?? "")) (PostingsOf(stem).Title ??= new(1)).Add(slot);
    }

    private static HashSet<string> Distinct(string terms) =>
        terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Stems without diacritics ("café" = "cafe"), as SQLite's FTS5 tokenizer (<c>remove_diacritics</c>) compared them
    /// before this index; the stemmer itself already folds umlauts and ß.
    /// </summary>
    private static string Fold(string stem)
    {
        if (stem.All(char.IsAscii)) return stem;
        var decomposed = stem.Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)])
            .Normalize(System.Text.NormalizationForm.FormC);
    }

    private Postings PostingsOf(string stem)
    {
        if (_stems.TryGetValue(stem, out var postings)) return postings;
        postings = new Postings();
        _stems[stem] = postings;
        var at = _sortedStems.BinarySearch(stem, StringComparer.Ordinal);
        _sortedStems.Insert(~at, stem);
        return postings;
    }

    /// <summary>
    /// The published articles that contain every word, in the search's order: those with every word in the headline
    /// first (up to <paramref name="headlineLimit"/>), then the others, each newest first (ties by id), at most
    /// <paramref name="limit"/> of each; and how many there are in all, counted up to <paramref name="countCap"/>.
    /// </summary>
    public (List<int> Headline, List<int> Others, int Total) Find(IReadOnlyList<(string Stem, bool Prefix)> words, int limit, int countCap)
    {
        _lock.EnterReadLock();
        try
        {
            var all = Matching(words, title: false);
            var title = Matching(words, title: true);
            var headline = new List<int>();
            var others = new List<int>();
            var total = 0;
            foreach (var slot in _newestFirst)
            {
                if (!IsSet(all, slot)) continue;
                if (IsSet(title, slot)) { if (headline.Count < limit) headline.Add(_slots[slot].ArticleId); }
                else if (others.Count < limit) others.Add(_slots[slot].ArticleId);
                if (++total >= countCap && headline.Count >= limit && others.Count >= limit) break;
            }
            return (headline, others, Math.Min(total, countCap));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private static bool IsSet(ulong[] bits, int slot) => (bits[slot >> 6] & (1UL << slot)) != 0;

    private ulong[] Matching(IReadOnlyList<(string Stem, bool Prefix)> words, bool title)
    {
        ulong[]? result = null;
        foreach (var (stem, prefix) in words)
        {
            var bits = new ulong[(_slots.Count + 63) >> 6];
            foreach (var postings in PostingsFor(stem, prefix))
            {
                var slots = title ? postings.Title : postings.All;
                if (slots is null) continue;
                foreach (var slot in slots) bits[slot >> 6] |= 1UL << slot;
            }
            if (result is null) result = bits;
            else for (var i = 0; i < result.Length; i++) result[i] &= bits[i];
        }
        return result ?? new ulong[(_slots.Count + 63) >> 6];
    }

    private IEnumerable<Postings> PostingsFor(string stem, bool prefix)
    {
        stem = Fold(stem);
        if (!prefix)
        {
            if (_stems.TryGetValue(stem, out var exact)) yield return exact;
            yield break;
        }
        var at = _sortedStems.BinarySearch(stem, StringComparer.Ordinal);
        for (var i = at < 0 ? ~at : at; i < _sortedStems.Count && _sortedStems[i].StartsWith(stem, StringComparison.Ordinal); i++)
            yield return _stems[_sortedStems[i]];
    }
}
