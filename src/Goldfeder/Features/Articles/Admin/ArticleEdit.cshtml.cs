using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.Admin;

/// <summary>Create and edit an article, with a preview rendered by the public page's own template.</summary>
public sealed class ArticleEditModel(GoldfederDb db, ArticleEditor editor, ArticleSaver saver, AuditLog audit, TimeProvider clock, PreviewLinks previewLinks) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public ArticleDraft Draft { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];
    public Article? Preview { get; private set; }
    public bool Saved { get; private set; }
    public string? PublicUrl { get; private set; }

    /// <summary>The secret preview link just made (absolute), and until when it works.</summary>
    public (string Url, DateTime ExpiresUtc)? PreviewLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool gespeichert, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (Id is null)
        {
            var now = BerlinTime.ToBerlin(clock.GetUtcNow().UtcDateTime);
            Draft = new ArticleDraft { Date = now.ToString("yyyy-MM-dd"), Time = now.ToString("HH:mm"), Author = ArticleEditor.AuthorFromEmail(User.Identity?.Name) };
            return Page();
        }
        var article = await WithTopics(db.Articles.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (article is null) return NotFound();
        Draft = ArticleDraft.From(article);
        Preview = article;
        Saved = gespeichert;
        PublicUrl = article.Status == ArticleStatus.Published ? $"/news/{article.Slug}" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var article = Id is null ? NewArticle() : await WithTopics(db.Articles).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (article is null) return NotFound();
        var before = Id is null ? null : ArticleEditor.Snapshot(article);

        Errors = await editor.ApplyAsync(Draft, article, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await saver.SaveAsync(article, User.Identity?.Name ?? "?", ct);
        await audit.RecordAsync(User.Identity?.Name ?? "?", Id is null ? "article.create" : "article.update", $"/news/{article.Slug}", before, ArticleEditor.Snapshot(article), ct);
        return Redirect($"/admin/artikel/bearbeiten/{article.Id}?gespeichert=true");
    }

    /// <summary>Makes a secret link to the article as saved, for a colleague without an account (audited).</summary>
    public async Task<IActionResult> OnPostPreviewLinkAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var article = Id is null ? null : await WithTopics(db.Articles.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (article is null) return NotFound();
        var (path, expires) = previewLinks.For(article.Id);
        await audit.RecordAsync(User.Identity?.Name ?? "?", "article.preview-link", $"/news/{article.Slug}", after: $"gültig bis {BerlinTime.Date(expires)} {BerlinTime.Time(expires)}", ct: ct);
        Draft = ArticleDraft.From(article);
        Preview = article;
        PublicUrl = article.Status == ArticleStatus.Published ? $"/news/{article.Slug}" : null;
        PreviewLink = ($"{Request.Scheme}://{Request.Host}{path}", expires);
        return Page();
    }

    /// <summary>The preview while typing: the draft through the same Markdown renderer and the same template as the public page. Nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var article = NewArticle();
        article.Title = Draft.Title ?? "";
        article.Lead = Draft.Lead ?? "";
        article.Author = Draft.Author?.Trim() ?? "";
        article.BodyHtml = MarkdownRenderer.Problem(Draft.Body ?? "") is not null
            ? MarkdownRenderer.PreviewHtml(Draft.Body ?? "")
            : ResponsiveImages.ToSafeHtml(Draft.Body ?? "", await ImageStore.ReferencedAsync(db, Draft.Body ?? "", ct));
        article.PublishedAtUtc = ArticleEditor.ParseBerlin(Draft.Date, Draft.Time, out _) ?? clock.GetUtcNow().UtcDateTime;
        Response.Headers.CacheControl = "no-store";
        return Partial("/Features/Articles/_Article.cshtml", article);
    }

    private static IQueryable<Article> WithTopics(IQueryable<Article> articles) =>
        articles.Include(a => a.Categories).Include(a => a.Tags).Include(a => a.Related).ThenInclude(r => r.RelatedArticle).AsSplitQuery();

    private static Article NewArticle() => new() { Slug = "", Title = "", Lead = "", BodyMarkdown = "" };
}
