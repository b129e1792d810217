using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>
/// The one way an article is written: renders its Markdown once, keeps slugs valid and unique, keeps a revision of
/// every save, remembers a published article's old slug for a 301, tells the <see cref="IArticleSaveListener"/>s
/// (the search index) in the same transaction, and evicts the cached pages.
/// </summary>
public sealed class ArticleSaver(GoldfederDb db, IOutputCacheStore cache, TimeProvider clock, IEnumerable<IArticleSaveListener> listeners)
{
    public async Task SaveAsync(Article article, CancellationToken ct = default) => await SaveAsync(article, "system", ct);

    public Task SaveAsync(Article article, string savedBy, CancellationToken ct = default) => SaveAllAsync([article], savedBy, ct);

    /// <summary>
    /// Saves several articles in one transaction: all of them or none (the WordPress import). Whatever else the caller
    /// added to the same <see cref="GoldfederDb"/> beforehand is saved in that transaction too.
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<Article> articles, string savedBy, CancellationToken ct = default)
    {
        var evictEverything = articles.Count > 1;
        foreach (var article in articles) evictEverything |= await StageAsync(article, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var article in articles)
        {
            db.ArticleRevisions.Add(new ArticleRevision
            {
                ArticleId = article.Id, SavedAtUtc = article.UpdatedAtUtc, SavedBy = savedBy, Title = article.Title, Slug = article.Slug,
                Lead = article.Lead, BodyMarkdown = article.BodyMarkdown, Author = article.Author, Description = article.Description, Status = article.Status, PublishedAtUtc = article.PublishedAtUtc,
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var listener in listeners) await listener.SavedAsync(db, [.. articles.Select(a => a.Id)], ct);
        await tx.CommitAsync(ct);
        foreach (var listener in listeners) listener.Committed([.. articles.Select(a => a.Id)]);

        await cache.EvictByTagAsync(evictEverything || articles.Count == 0 ? PublicCache.Tag : PublicCache.Shows(articles[0].Id), ct);
    }

    /// <summary>Checks and prepares one article for the save; says whether every public page must be evicted.</summary>
    private async Task<bool> StageAsync(Article article, CancellationToken ct)
    {
        if (!Slug.IsValid(article.Slug))
            throw new ArgumentException($"'{article.Slug}' is not a valid slug (lower-case a–z, 0–9 and single hyphens).", nameof(article));
        if (await db.Articles.AnyAsync(a => a.Slug == article.Slug && a.Id != article.Id, ct))
            throw new ArgumentException($"The slug '{article.Slug}' is already taken.", nameof(article));

        article.PublishedAtUtc = DateTime.SpecifyKind(article.PublishedAtUtc, DateTimeKind.Utc);
        article.BodyHtml = Images.ResponsiveImages.ToSafeHtml(article.BodyMarkdown, await Images.ImageStore.ReferencedAsync(db, article.BodyMarkdown, ct));
        article.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        var evictEverything = ChangesWhatListsShow(article);
        if (article.Id == 0) db.Articles.Add(article);
        else await RememberFormerSlugAsync(article, ct);
        // A slug taken again stops redirecting elsewhere.
        var reused = await db.FormerSlugs.FirstOrDefaultAsync(f => f.Slug == article.Slug, ct);
        if (reused is not null) db.FormerSlugs.Remove(reused);
        return evictEverything;
    }

    /// <summary>
    /// A new article, or one whose status, time, address, tags or categories change, can move into or out of any list
    /// and any page's automatic related articles: every public page goes. Other edits evict only the pages that show
    /// this article.
    /// </summary>
    private bool ChangesWhatListsShow(Article article)
    {
        var entry = db.Entry(article);
        if (article.Id == 0 || entry.State == EntityState.Detached) return true;
        db.ChangeTracker.DetectChanges();
        // Tags and categories are many-to-many: their join rows are the only property-bag entities in the model.
        var topicsChanged = db.ChangeTracker.Entries<Dictionary<string, object>>().Any(e => e.State is EntityState.Added or EntityState.Deleted);
        return topicsChanged
            || entry.Property(a => a.Status).OriginalValue != article.Status
            || entry.Property(a => a.PublishedAtUtc).OriginalValue != article.PublishedAtUtc
            || entry.Property(a => a.Slug).OriginalValue != article.Slug;
    }

    private async Task RememberFormerSlugAsync(Article article, CancellationToken ct)
    {
        var entry = db.Entry(article);
        if (entry.State == EntityState.Detached) return;
        var oldSlug = entry.Property(a => a.Slug).OriginalValue;
        var wasPublished = entry.Property(a => a.Status).OriginalValue == ArticleStatus.Published;
        if (!wasPublished || oldSlug == article.Slug) return;
        var known = await db.FormerSlugs.FirstOrDefaultAsync(f => f.Slug == oldSlug, ct);
        if (known is null) db.FormerSlugs.Add(new FormerSlug { Slug = oldSlug, ArticleId = article.Id });
        else known.ArticleId = article.Id;
    }
}
