using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal.Admin;

/// <summary>Edit one legal page in Markdown; every save is a revision and an audit entry with before and after.</summary>
public sealed class LegalEditModel(GoldfederDb db, LegalPageSaver saver) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty(Name = "text")] public string? Markdown { get; set; }
    public string? Error { get; private set; }
    public bool Saved { get; private set; }
    public bool IsPlaceholder { get; private set; }
    public List<LegalPageRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? hinweis, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var page = await db.LegalPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == Slug, ct);
        (Markdown, IsPlaceholder, Saved) = (page?.Markdown, page?.IsPlaceholder ?? false, hinweis == "gespeichert");
        await LoadRevisionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Error = await saver.SaveAsync(Slug, Markdown, User.Identity?.Name ?? "?", ct);
        if (Error is null) return Redirect($"/admin/rechtliches/{Slug}?hinweis=gespeichert");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadRevisionsAsync(ct);
        return Page();
    }

    private async Task LoadRevisionsAsync(CancellationToken ct) =>
        Revisions = await db.LegalPageRevisions.AsNoTracking().Where(r => r.Slug == Slug)
            .OrderByDescending(r => r.SavedAtUtc).ThenByDescending(r => r.Id).Take(50).ToListAsync(ct);
}
