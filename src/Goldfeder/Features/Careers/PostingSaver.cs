using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>
/// The one way a posting is written: renders its Markdown once, keeps its slug valid and unique, stamps when it was first
/// published and when it closed, and evicts the cached careers pages.
/// </summary>
public sealed class PostingSaver(GoldfederDb db, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>The output-cache tag of every careers page a reader sees.</summary>
    public const string CacheTag = "careers";

    public async Task SaveAsync(JobPosting posting, CancellationToken ct = default)
    {
        if (!Slug.IsValid(posting.Slug))
            throw new ArgumentException($"'{posting.Slug}' is not a valid slug.", nameof(posting));
        if (await db.JobPostings.AnyAsync(p => p.Slug == posting.Slug && p.Id != posting.Id, ct))
            throw new ArgumentException($"The slug '{posting.Slug}' is already taken.", nameof(posting));

        var now = clock.GetUtcNow().UtcDateTime;
        posting.DescriptionHtml = MarkdownRenderer.ToSafeHtml(posting.DescriptionMarkdown);
        posting.OfferHtml = MarkdownRenderer.ToSafeHtml(posting.OfferMarkdown);
        if (posting.Status == PostingStatus.Published) posting.PublishedAtUtc ??= now;
        // Reopening stops the retention clock; closing again starts it anew.
        posting.ClosedAtUtc = posting.Status == PostingStatus.Closed ? posting.ClosedAtUtc ?? now : null;
        posting.UpdatedAtUtc = now;
        if (posting.Id == 0) db.JobPostings.Add(posting);

        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(CacheTag, ct);
    }
}
