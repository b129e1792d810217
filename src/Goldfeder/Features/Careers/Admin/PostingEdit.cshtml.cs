using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary>Create, edit, publish and close a posting, with a preview rendered by the public page's own partial.</summary>
public sealed class PostingEditModel(GoldfederDb db, PostingEditor editor, PostingSaver saver, AuditLog audit, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public PostingDraft Draft { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];
    public JobPosting? Preview { get; private set; }
    public bool Saved { get; private set; }
    public string? PublicUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool gespeichert, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (Id is null) return Page();
        var posting = await db.JobPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (posting is null) return NotFound();
        Draft = PostingDraft.From(posting);
        Preview = posting;
        Saved = gespeichert;
        PublicUrl = posting.Status != PostingStatus.Draft ? $"/karriere/{posting.Slug}" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var posting = Id is null ? Blank() : await db.JobPostings.FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (posting is null) return NotFound();
        var before = Id is null ? null : PostingEditor.Snapshot(posting);
        Errors = await editor.ApplyAsync(Draft, posting, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await saver.SaveAsync(posting, ct);
        await audit.RecordAsync(User.Identity?.Name ?? "?", Id is null ? "posting.create" : "posting.update", $"/karriere/{posting.Slug}", before, PostingEditor.Snapshot(posting), ct);
        return Redirect($"/admin/karriere/bearbeiten/{posting.Id}?gespeichert=true");
    }

    /// <summary>The preview while typing: the draft through the same Markdown renderer and partial as the public page. Nothing is saved.</summary>
    public IActionResult OnPostPreview()
    {
        Response.Headers.CacheControl = "no-store";
        var posting = Blank();
        posting.Title = Draft.Title ?? "";
        posting.Location = Draft.Location ?? "";
        posting.EmploymentType = Draft.EmploymentType;
        posting.Start = Draft.Start ?? "";
        posting.Teaser = Draft.Teaser ?? "";
        posting.DescriptionHtml = MarkdownRenderer.PreviewHtml(Draft.Description ?? "");
        posting.OfferHtml = MarkdownRenderer.PreviewHtml(Draft.Offer ?? "");
        posting.ContactName = Draft.ContactName ?? "";
        posting.ContactEmail = Draft.ContactEmail ?? "";
        posting.ContactNoun = Draft.ContactNoun;
        posting.SalaryMin = Draft.SalaryMin;
        posting.SalaryMax = Draft.SalaryMax;
        posting.SalaryUnit = Draft.SalaryUnit;
        posting.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        return Partial("/Features/Careers/_Posting.cshtml", posting);
    }

    private static JobPosting Blank() => new() { Slug = "", Title = "", Location = "", Teaser = "", DescriptionMarkdown = "" };
}
