using Goldfeder.Data;
using Goldfeder.Features.Site;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>The one way an article is written: renders its Markdown once, keeps slugs valid and unique, and evicts the cached pages.</summary>
public sealed class ArticleSaver(GoldfederDb db, IOutputCacheStore cache, WriteGate writes, TimeProvider clock)
{
    public async Task SaveAsync(Article article, CancellationToken ct = default)
    {
        if (!Slug.IsValid(article.Slug))
            throw new ArgumentException($"'{article.Slug}' is not a valid slug (lower-case a–z, 0–9 and single hyphens).", nameof(article));
        if (await db.Articles.AnyAsync(a => a.Slug == article.Slug && a.Id != article.Id, ct))
            throw new ArgumentException($"The slug '{article.Slug}' is already taken.", nameof(article));

        article.PublishedAtUtc = DateTime.SpecifyKind(article.PublishedAtUtc, DateTimeKind.Utc);
        article.BodyHtml = MarkdownRenderer.ToSafeHtml(article.BodyMarkdown);
        article.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (article.Id == 0) db.Articles.Add(article);
        using (await writes.EnterAsync(ct)) await db.SaveChangesAsync(ct);

        // Every public page can show any article (lists, related articles), so a change evicts them all; changes are rare.
        await cache.EvictByTagAsync(PublicCache.Tag, ct);
    }
}
