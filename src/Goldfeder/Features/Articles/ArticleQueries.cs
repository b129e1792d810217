using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

public sealed record ArticleTeaser(string Slug, string Title, string Lead, DateTime PublishedAtUtc);

public static class ArticleQueries
{
    public static IQueryable<Article> Published(this IQueryable<Article> articles) =>
        articles.Where(a => a.Status == ArticleStatus.Published);

    public static IQueryable<ArticleTeaser> AsTeasers(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleTeaser(a.Slug, a.Title, a.Lead, a.PublishedAtUtc));

    /// <summary>"Wissenswertes zum Thema": the editor's picks in their order, topped up with the newest other articles.</summary>
    public static async Task<List<ArticleTeaser>> RelatedAsync(this GoldfederDb db, Article article, int count, CancellationToken ct)
    {
        var picked = await db.ArticleRelations
            .Where(r => r.ArticleId == article.Id && r.RelatedArticle!.Status == ArticleStatus.Published)
            .OrderBy(r => r.Position)
            .Select(r => r.RelatedArticle!)
            .AsTeasers()
            .Take(count)
            .ToListAsync(ct);
        if (picked.Count >= count) return picked;

        var exclude = picked.Select(p => p.Slug).Append(article.Slug).ToList();
        var fallback = await db.Articles.Published()
            .Where(a => !exclude.Contains(a.Slug))
            .OrderByDescending(a => a.PublishedAtUtc)
            .AsTeasers()
            .Take(count - picked.Count)
            .ToListAsync(ct);
        return [.. picked, .. fallback];
    }
}
