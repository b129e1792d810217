using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Search;

/// <summary>Runs a <see cref="SearchQuery"/> on the provider's own engine (<see cref="SearchSql"/>) and dresses the hits with snippets.</summary>
public sealed class ArticleSearch(GoldfederDb db)
{
    public async Task<SearchResults> FindAsync(SearchQuery query, int page, int pageSize, CancellationToken ct)
    {
        if (query.IsEmpty) return new SearchResults([], 0);
        var all = Text(query, titleOnly: false);
        var published = ArticleStatus.Published.ToString();
        var total = await SearchSql.Count.Query<int>(db, all, published).SingleAsync(ct);
        if (total == 0) return new SearchResults([], 0);

        var ids = await SearchSql.Page.Query<int>(db, all, published, Text(query, titleOnly: true), pageSize, (page - 1) * pageSize).ToListAsync(ct);
        var found = await db.SearchDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.ArticleId))
            .Join(db.Articles, d => d.ArticleId, a => a.Id, (d, a) => new { d.ArticleId, a.Slug, d.Title, d.Text, a.PublishedAtUtc })
            .ToDictionaryAsync(x => x.ArticleId, ct);
        var matches = query.Matcher();
        var hits = ids.Where(found.ContainsKey).Select(id => found[id])
            .Select(f => new SearchHit(f.Slug, Snippet.Highlight(f.Title, matches), Snippet.Around(f.Text, matches), f.PublishedAtUtc))
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
            var single = query.Only(word);
            if (await SearchSql.Count.Query<int>(db, Text(single, titleOnly: false), ArticleStatus.Published.ToString()).SingleAsync(ct) > 0)
                words.Add(word);
        }
        return words;
    }

    private string Text(SearchQuery query, bool titleOnly) => db.Database.IsSqlite() ? query.Fts5(titleOnly) : query.TsQuery(titleOnly);
}
