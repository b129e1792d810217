using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary>One application: the applicant's details and files, HR's status and notes.</summary>
public sealed class ApplicationDetailModel(GoldfederDb db, ApplicationReview review, ApplicationDeletion deletion, ApplicationReplies replies, AuditLog audit) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(Name = "status")] public ApplicationStatus NewStatus { get; set; }
    [BindProperty(Name = "notizen")] public string? NewNotes { get; set; }
    public Application Application { get; private set; } = null!;
    public bool Saved { get; private set; }

    public bool AskToConfirm { get; private set; }

    /// <summary>The answer being written: the chosen template filled in, or what HR typed when it could not be sent.</summary>
    public ReplyKind ReplyKind { get; private set; }
    public string ReplySubject { get; private set; } = "";
    public string ReplyBody { get; private set; } = "";
    public string? ReplyError { get; private set; }
    public bool ReplySent { get; private set; }
    public List<ApplicationReply> Replies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool gespeichert, bool bestaetigen, [FromQuery(Name = "vorlage")] ReplyKind? vorlage, bool gesendet, CancellationToken ct)
    {
        AskToConfirm = bestaetigen;
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(ct)) return NotFound();
        Saved = gespeichert;
        ReplySent = gesendet;
        ReplyKind = vorlage ?? ReplyKind.Receipt;
        (ReplySubject, ReplyBody) = (await replies.TemplateAsync(ReplyKind, ct)).For(Application.Name, Application.JobPosting?.Title ?? "", ApplicationReplies.ContactOf(Application.JobPosting!));
        return Page();
    }

    /// <summary>Sends HR's answer (a template as edited) to the applicant through the outbox.</summary>
    public async Task<IActionResult> OnPostReplyAsync([FromForm(Name = "art")] ReplyKind kind, [FromForm(Name = "betreff")] string? subject, [FromForm(Name = "text")] string? body, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(ct)) return NotFound();
        (ReplyKind, ReplySubject, ReplyBody) = (kind, subject?.Trim() ?? "", body?.Trim() ?? "");
        ReplyError = ApplicationReplies.Problem(ReplySubject, ReplyBody);
        if (ReplyError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var actor = User.Identity?.Name ?? "?";
        await replies.SendAsync(Id, kind, ReplySubject, ReplyBody, actor, ct);
        // The kind only: subject and text name the applicant and must not outlive the application in the audit log.
        await audit.RecordAsync(actor, "application.reply", $"Bewerbung #{Id}", after: ReplyTemplate.Label(kind), ct: ct);
        return Redirect($"/admin/karriere/bewerbung/{Id}?gesendet=true");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.JobPosting).Include(a => a.Files).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (application is null) return false;
        Application = application;
        Replies = await db.ApplicationReplies.AsNoTracking().Where(r => r.ApplicationId == Id).OrderBy(r => r.SentAtUtc).ToListAsync(ct);
        return true;
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
