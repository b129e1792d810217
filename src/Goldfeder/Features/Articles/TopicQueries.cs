using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>
/// Topics as readers see them: a category and a tag with the same slug are one topic (<c>/thema/gold</c>), named as the
/// category when both exist.
/// </summary>
public static class TopicQueries
{
    public static IQueryable<Article> InTopic(this IQueryable<Article> articles, string slug) =>
        articles.Where(a => a.Categories.Any(c => c.Slug == slug) || a.Tags.Any(t => t.Slug == slug));

    /// <summary>The topic's name and description (the category's where both exist, else the first non-empty), or null.</summary>
    public static async Task<(string Name, string Description)?> TopicAsync(this GoldfederDb db, string slug, CancellationToken ct)
    {
        var category = await db.Categories.Where(c => c.Slug == slug).Select(c => new { c.Name, c.Description }).FirstOrDefaultAsync(ct);
        var tag = await db.Tags.Where(t => t.Slug == slug).Select(t => new { t.Name, t.Description }).FirstOrDefaultAsync(ct);
        if (category is null && tag is null) return null;
        var name = category?.Name ?? tag!.Name;
        var description = category?.Description is { Length: > 0 } d ? d : tag?.Description ?? "";
        return (name, description);
    }

    /// <summary>The topic's name, or null when no category or tag has this slug.</summary>
    public static async Task<string?> TopicNameAsync(this GoldfederDb db, string slug, CancellationToken ct) =>
        await db.Categories.Where(c => c.Slug == slug).Select(c => c.Name).FirstOrDefaultAsync(ct)
        ?? await db.Tags.Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct);

    /// <summary>Every topic with at least one published article, with its newest article's change time (for sitemaps).</summary>
    public static async Task<List<(string Slug, string Name, DateTime LastModifiedUtc)>> PublicTopicsAsync(this GoldfederDb db, CancellationToken ct)
    {
        var published = ArticleStatus.Published;
        var categories = await db.Categories
            .Select(c => new { c.Slug, c.Name, Last = c.Articles.Where(a => a.Status == published).Max(a => (DateTime?)a.UpdatedAtUtc) })
            .Where(x => x.Last != null).ToListAsync(ct);
        var tags = await db.Tags
            .Select(t => new { t.Slug, t.Name, Last = t.Articles.Where(a => a.Status == published).Max(a => (DateTime?)a.UpdatedAtUtc) })
            .Where(x => x.Last != null).ToListAsync(ct);
        return categories.Concat(tags)
            .GroupBy(x => x.Slug)
            .Select(g => (g.Key, g.First().Name, g.Max(x => x.Last!.Value)))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
    }
}
