using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Search;

/// <summary>
/// Runs a <see cref="SearchQuery"/> on this instance's <see cref="SearchIndex"/> and dresses the page's hits with
/// snippets from their documents. The order is headline hits (newest first), then the other hits (newest first).
/// </summary>
public sealed class ArticleSearch(GoldfederDb db, SearchIndexSync sync)
{
    /// <summary>Counting stops here: a reader pages through at most this many hits ("mehr als 1.000 Treffer").</summary>
    public const int MaxHits = 1000;

    public async Task<SearchResults> FindAsync(SearchQuery query, int page, int pageSize, CancellationToken ct)
    {
        if (query.IsEmpty) return new SearchResults([], 0);
        var offset = Math.Min((page - 1) * pageSize, MaxHits);
        var end = offset + pageSize;
        // Freshness in the same round trip: the page's hits are read with the newest change (see PageHits); only
        // when that moved, or nothing was found, is the index caught up and the search run again.
        var index = sync.Loaded;
        var caughtUp = index is null;
        index ??= await sync.CurrentAsync(db, ct);
        while (true)
        {
            var (headline, others, total) = index.Find(query.Terms(), end, MaxHits + 1);
            var ids = headline.Concat(others).Skip(offset).Take(pageSize).ToArray();
            var rows = total == 0 ? [] : await PageHits(db, ids).ToListAsync(ct);
            if (!caughtUp && (rows.Count == 0 || !sync.IsCurrent(rows[0].NewestChange)))
            {
                index = await sync.CurrentAsync(db, ct);
                caughtUp = true;
                continue;
            }
            if (total == 0) return new SearchResults([], 0);

            // The page's articles are read again with their status: one the index still holds as published an instant
            // after it stopped being (changed by another process in the same moment) is left out rather than shown.
            var found = rows.Where(r => r.Status == ArticleStatus.Published).ToDictionary(r => r.ArticleId);
            var matches = query.Matcher();
            var hits = ids.Where(found.ContainsKey).Select(id => found[id])
                .Select(f => new SearchHit(f.ArticleId, f.Slug, Snippet.Highlight(f.Title, matches), Snippet.Around(f.Text, matches), f.PublishedAtUtc))
                .ToList();
            return new SearchResults(hits, total);
        }
    }

    private sealed record PageHit(int ArticleId, string Slug, ArticleStatus Status, DateTime PublishedAtUtc, string Title, string Text, DateTime? NewestChange);

    // Compiled: a search runs this for every page, and EF's per-call translation cache lookup cost more than SQLite's
    // ten lookups by key. Each row carries the newest change of any article (one step down the UpdatedAtUtc index,
    // evaluated once), which spares a round trip of its own for the freshness check. No status condition in SQL: with one, SQLite walked every published article through the
    // status index instead of looking up the ten by key (50 ms); the status is checked above.
    private static readonly Func<GoldfederDb, int[], IAsyncEnumerable<PageHit>> PageHits = EF.CompileAsyncQuery(
        (GoldfederDb db, int[] ids) =>
            from d in db.Set<SearchDocument>().AsNoTracking()
            where ids.Contains(d.ArticleId)
            join a in db.Set<Article>().AsNoTracking() on d.ArticleId equals a.Id
            select new PageHit(a.Id, a.Slug, a.Status, a.PublishedAtUtc, d.Title, d.Text, db.Set<Article>().Max(x => (DateTime?)x.UpdatedAtUtc)));

    /// <summary>Those of the query's words that find something on their own, for the "keine Treffer" page.</summary>
    public async Task<List<string>> WordsWithHitsAsync(SearchQuery query, CancellationToken ct)
    {
        if (query.Words.Count < 2) return [];
        var index = await sync.CurrentAsync(db, ct);
        return [.. query.Words.Where(word => index.Find(query.Only(word).Terms(), 0, 1).Total > 0)];
    }
}
