using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

public static class ArticleQueries
{
    public static IQueryable<Article> Published(this IQueryable<Article> articles) =>
        articles.Where(a => a.Status == ArticleStatus.Published);

    public static IQueryable<ArticleTeaser> AsTeasers(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleTeaser(a.Id, a.Slug, a.Title, a.Lead, a.PublishedAtUtc, null));

    /// <summary>Teasers with their lead image, for the lists that show pictures (the body is read, and the image found in it, here).</summary>
    public static IQueryable<ArticleTeaser> AsPictureTeasers(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleTeaser(a.Id, a.Slug, a.Title, a.Lead, a.PublishedAtUtc, Images.LeadImage.From(a.BodyHtml)));

    /// <summary>
    /// "Wissenswertes zum Thema": the editor's picks in their order, topped up with the newest articles that share a tag
    /// or category, then with the newest others.
    /// </summary>
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
        var id = article.Id;
        var sharing = await db.Articles.Published()
            .Where(a => !exclude.Contains(a.Slug))
            .Where(a => a.Tags.Any(t => t.Articles.Any(o => o.Id == id)) || a.Categories.Any(c => c.Articles.Any(o => o.Id == id)))
            .OrderByDescending(a => a.PublishedAtUtc)
            .AsTeasers()
            .Take(count - picked.Count)
            .ToListAsync(ct);
        picked.AddRange(sharing);
        if (picked.Count >= count) return picked;

        exclude.AddRange(sharing.Select(s => s.Slug));
        var newest = await db.Articles.Published()
            .Where(a => !exclude.Contains(a.Slug))
            .OrderByDescending(a => a.PublishedAtUtc)
            .AsTeasers()
            .Take(count - picked.Count)
            .ToListAsync(ct);
        return [.. picked, .. newest];
    }
}
