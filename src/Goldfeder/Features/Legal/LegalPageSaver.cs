using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal;

/// <summary>Saves a legal page: the page, a revision and an audit entry (before and after) in one transaction, then evicts the cached page.</summary>
public sealed class LegalPageSaver(GoldfederDb db, AuditLog audit, IOutputCacheStore cache, TimeProvider clock)
{
    public const int MaxLength = 100_000;
    public const string CacheTag = "legal";

    /// <summary>Null when saved, else the German reason.</summary>
    public async Task<string?> SaveAsync(string slug, string? markdown, string actor, CancellationToken ct)
    {
        markdown = (markdown ?? "").Replace("\r\n", "\n").Trim();
        if (markdown.Length == 0) return "Bitte geben Sie den Text der Seite ein.";
        if (markdown.Length > MaxLength) return $"Der Text ist zu lang (höchstens {MaxLength:N0} Zeichen).";
        if (MarkdownRenderer.Problem(markdown) is { } unrenderable) return unrenderable;
        var now = clock.GetUtcNow().UtcDateTime;
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var page = await db.LegalPages.FirstOrDefaultAsync(p => p.Slug == slug, ct);
        var before = page?.Markdown;
        if (page is null) db.LegalPages.Add(page = new LegalPage { Slug = slug, Markdown = markdown, Html = html });
        (page.Markdown, page.Html, page.IsPlaceholder, page.UpdatedAtUtc) = (markdown, html, false, now);
        db.LegalPageRevisions.Add(new LegalPageRevision { Slug = slug, Markdown = markdown, SavedAtUtc = now, SavedBy = actor });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "legal.update", "/" + slug, before, markdown, ct);
        await tx.CommitAsync(ct);
        await cache.EvictByTagAsync(CacheTag, ct);
        return null;
    }
}
