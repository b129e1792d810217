using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary>One application: the applicant's details and files, HR's status and notes.</summary>
public sealed class ApplicationDetailModel(GoldfederDb db, ApplicationReview review, ApplicationDeletion deletion, AuditLog audit) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(Name = "status")] public ApplicationStatus NewStatus { get; set; }
    [BindProperty(Name = "notizen")] public string? NewNotes { get; set; }
    public Application Application { get; private set; } = null!;
    public bool Saved { get; private set; }

    public bool AskToConfirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool gespeichert, bool bestaetigen, CancellationToken ct)
    {
        AskToConfirm = bestaetigen;
        Response.Headers.CacheControl = "no-store";
        var application = await db.Applications.AsNoTracking().Include(a => a.JobPosting).Include(a => a.Files).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (application is null) return NotFound();
        Application = application;
        Saved = gespeichert;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var before = await review.UpdateAsync(Id, NewStatus, NewNotes ?? "", ct);
        if (before is null) return NotFound();
        // Status only: the notes are personal data and must not outlive the application in the audit log.
        await audit.RecordAsync(User.Identity?.Name ?? "?", "application.update", $"Bewerbung #{Id}", before.ToString(), NewStatus.ToString(), ct);
        return Redirect($"/admin/karriere/bewerbung/{Id}?gespeichert=true");
    }

    /// <summary>Deletes the application now, e.g. on the applicant's erasure request (GDPR Art. 17), with its files and mails.</summary>
    public async Task<IActionResult> OnPostDeleteAsync([FromForm(Name = "bestaetigt")] bool confirmed, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var postingId = await db.Applications.Where(a => a.Id == Id).Select(a => (int?)a.JobPostingId).FirstOrDefaultAsync(ct);
        if (postingId is null) return NotFound();
        if (!confirmed) return Redirect($"/admin/karriere/bewerbung/{Id}?bestaetigen=true");
        await deletion.DeleteAsync([Id], User.Identity?.Name ?? "?", "application.delete", $"Bewerbung #{Id}", ct);
        return Redirect($"/admin/karriere/{postingId}/bewerbungen?geloescht={Id}");
    }
}
