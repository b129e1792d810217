using System.Net;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Search;

/// <summary>
/// Keeps <see cref="SearchDocument"/>s in step with the articles: in every save's transaction (as an
/// <see cref="IArticleSaveListener"/>) and, at start, for every article saved before search existed or changed
/// by a process that does not index (<see cref="CatchUpAsync"/>). Each instance's
/// <see cref="SearchIndex"/> reads the documents (<see cref="SearchIndexSync"/>).
/// </summary>
public sealed partial class SearchIndexer(SearchIndexSync sync) : IArticleSaveListener
{
    /// <summary>This instance's index reads the saved articles before its next search, even when the newest time did not move.</summary>
    public void Committed(IReadOnlyList<int> articleIds) => sync.Changed(articleIds);

    public async Task SavedAsync(GoldfederDb db, IReadOnlyList<int> articleIds, CancellationToken ct)
    {
        foreach (var batch in articleIds.Distinct().Chunk(200)) await IndexAsync(db, batch, ct);
    }

    /// <summary>Indexes every article whose document is missing or older than the article. Returns how many.</summary>
    public static async Task<int> CatchUpAsync(GoldfederDb db, CancellationToken ct)
    {
        var stale = await db.Articles
            .Where(a => !db.Set<SearchDocument>().Any(d => d.ArticleId == a.Id && d.ArticleUpdatedAtUtc == a.UpdatedAtUtc))
            .Select(a => a.Id)
            .ToListAsync(ct);
        foreach (var batch in stale.Chunk(200))
        {
            await IndexAsync(db, batch, ct);
            db.ChangeTracker.Clear();
        }
        return stale.Count;
    }

    /// <summary>Indexes every article again, in batches of 200 (each its own transaction). Returns how many.</summary>
    public static async Task<int> RebuildAsync(GoldfederDb db, CancellationToken ct)
    {
        var ids = await db.Articles.Select(a => a.Id).ToListAsync(ct);
        foreach (var batch in ids.Chunk(200))
        {
            await IndexAsync(db, batch, ct);
            db.ChangeTracker.Clear();
        }
        return ids.Count;
    }

    private static async Task IndexAsync(GoldfederDb db, int[] ids, CancellationToken ct)
    {
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Title, a.Lead, a.BodyHtml, a.Author, a.UpdatedAtUtc,
                Categories = a.Categories.Select(c => c.Name).ToList(),
                Tags = a.Tags.Select(t => t.Name).ToList(),
            })
            .ToListAsync(ct);
        var documents = await db.SearchDocuments.Where(d => ids.Contains(d.ArticleId)).ToDictionaryAsync(d => d.ArticleId, ct);
        foreach (var a in articles)
        {
            var text = string.Join("\n", new[] { a.Lead, PlainText(a.BodyHtml), string.Join(", ", a.Categories.Concat(a.Tags)), a.Author }.Where(s => s.Length > 0));
            if (!documents.TryGetValue(a.Id, out var document))
            {
                document = new SearchDocument { ArticleId = a.Id, Title = "", Text = "", TitleTerms = "", Terms = "" };
                db.SearchDocuments.Add(document);
            }
            document.Title = a.Title;
            document.Text = text;
            document.TitleTerms = GermanWords.Stems(a.Title);
            document.Terms = GermanWords.Stems(a.Title + "\n" + text);
            document.ArticleUpdatedAtUtc = a.UpdatedAtUtc;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The sanitised body HTML as text: tags become spaces (so paragraphs do not run together), entities are decoded.</summary>
    public static string PlainText(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
