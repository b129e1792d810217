using Goldfeder.Common;
using DiffPlex.DiffBuilder.Model;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.Admin;

/// <summary>Every save of an article, the differences between any two, and restoring an old one (which is a new save).</summary>
public sealed class ArticleRevisionsModel(GoldfederDb db, ArticleSaver saver, AuditLog audit) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery(Name = "a")] public long? A { get; set; }
    [FromQuery(Name = "b")] public long? B { get; set; }
    public string Title { get; private set; } = "";
    public List<ArticleRevision> Revisions { get; private set; } = [];
    public List<DiffPiece>? Diff { get; private set; }

    /// <summary>What to do when "Vergleichen" was pressed without two different versions chosen.</summary>
    public string? Hint { get; private set; }

    /// <summary>The versions checked in the form: the chosen ones, else the two newest.</summary>
    public long? CheckedA => A ?? (Revisions.Count > 1 ? Revisions[1].Id : null);
    public long? CheckedB => B ?? (Revisions.Count > 0 ? Revisions[0].Id : null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (article is null) return NotFound();
        Title = article.Title;
        Revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Id)
            .OrderByDescending(r => r.SavedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        var older = Revisions.FirstOrDefault(r => r.Id == A);
        var newer = Revisions.FirstOrDefault(r => r.Id == B);
        if (older is not null && newer is not null && older.Id != newer.Id) Diff = RevisionDiff.Between(older, newer);
        else if (Request.Query.ContainsKey("vergleichen"))
            Hint = older is not null && older.Id == B
                ? "Bitte wählen Sie zwei verschiedene Versionen: eine in der Spalte „Alt“ und eine andere in der Spalte „Neu“."
                : "Bitte wählen Sie in der Spalte „Alt“ und in der Spalte „Neu“ je eine Version und klicken Sie dann auf „Vergleichen“.";
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync([FromForm(Name = "revision")] long revisionId, CancellationToken ct)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == Id, ct);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (revision is null || article is null) return NotFound();
        var before = ArticleEditor.Snapshot(article);
        if (await db.Articles.AnyAsync(a => a.Slug == revision.Slug && a.Id != Id, ct))
            return BadRequest();

        article.Title = revision.Title;
        article.Slug = revision.Slug;
        article.Lead = revision.Lead;
        article.BodyMarkdown = revision.BodyMarkdown;
        article.Author = revision.Author;
        article.Description = revision.Description;
        var actor = User.Identity?.Name ?? "?";
        await saver.SaveAsync(article, actor, ct);
        await audit.RecordAsync(actor, "article.restore", $"/news/{article.Slug}", before, ArticleEditor.Snapshot(article), ct);
        return Redirect($"/admin/artikel/bearbeiten/{Id}?gespeichert=true");
    }
}
