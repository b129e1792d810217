using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Search;

/// <summary>
/// Runs a <see cref="SearchQuery"/> on the provider's own engine (<see cref="SearchSql"/>) and dresses the hits with
/// snippets. The order is headline hits (newest first), then the other hits (newest first): two sets, paged across.
/// </summary>
public sealed class ArticleSearch(GoldfederDb db)
{
    /// <summary>Counting stops here: a reader pages through at most this many hits ("mehr als 1.000 Treffer").</summary>
    public const int MaxHits = 1000;

    private static readonly string Published = ArticleStatus.Published.ToString();

    public async Task<SearchResults> FindAsync(SearchQuery query, int page, int pageSize, CancellationToken ct)
    {
        if (query.IsEmpty) return new SearchResults([], 0);
        var offset = Math.Min((page - 1) * pageSize, MaxHits);
        var end = offset + pageSize;
        // Headline hits up to the page's end; then enough of all hits, newest first, that those not in the headline
        // fill the page and the count reaches its cap. The headline query's hits are a subset of the query's.
        var headline = await SearchSql.HeadlineHits.Query<int>(db, Text(query, headline: true), Published, end).ToListAsync(ct);
        var all = await SearchSql.Hits.Query<int>(db, Text(query, headline: false), Published, Math.Max(MaxHits + 1, end) + headline.Count).ToListAsync(ct);
        var total = Math.Min(all.Count, MaxHits + 1);
        if (total == 0) return new SearchResults([], 0);
        var inHeadline = headline.ToHashSet();
        var ids = headline.Concat(all.Where(id => !inHeadline.Contains(id))).Skip(offset).Take(pageSize).ToList();

        var found = await db.SearchDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.ArticleId))
            .Join(db.Articles, d => d.ArticleId, a => a.Id, (d, a) => new { d.ArticleId, a.Slug, d.Title, d.Text, a.PublishedAtUtc })
            .ToDictionaryAsync(x => x.ArticleId, ct);
        var matches = query.Matcher();
        var hits = ids.Where(found.ContainsKey).Select(id => found[id])
            .Select(f => new SearchHit(f.ArticleId, f.Slug, Snippet.Highlight(f.Title, matches), Snippet.Around(f.Text, matches), f.PublishedAtUtc))
            .ToList();
        return new SearchResults(hits, total);
    }

    /// <summary>Those of the query's words that find something on their own, for the "keine Treffer" page.</summary>
    public async Task<List<string>> WordsWithHitsAsync(SearchQuery query, CancellationToken ct)
    {
        var words = new List<string>();
        if (query.Words.Count < 2) return words;
        foreach (var word in query.Words)
        {
            if (await SearchSql.Count.Query<int>(db, Text(query.Only(word), headline: false), Published, 1).SingleAsync(ct) > 0)
                words.Add(word);
        }
        return words;
    }

    private string Text(SearchQuery query, bool headline) => db.Database.IsSqlite() ? query.Fts5(headline) : query.TsQuery();
}
