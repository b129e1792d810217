using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary><c>/admin/karriere/vorlagen</c>: HR's wording of the receipt, the invitation and the rejection.</summary>
public sealed class ReplyTemplatesModel(GoldfederDb db, ApplicationReplies replies, AuditLog audit, TimeProvider clock) : PageModel
{
    public List<ReplyTemplate> Templates { get; private set; } = [];
    public ReplyKind? ErrorFor { get; private set; }
    public string? Error { get; private set; }
    public ReplyKind? Saved { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "gespeichert")] ReplyKind? gespeichert, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Saved = gespeichert;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "art")] ReplyKind kind, [FromForm(Name = "betreff")] string? subject, [FromForm(Name = "text")] string? body, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!Enum.IsDefined(kind)) return NotFound();
        var (s, b) = (subject?.Trim() ?? "", body?.Trim() ?? "");
        if (ApplicationReplies.Problem(s, b) is { } problem)
        {
            (ErrorFor, Error) = (kind, problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            Templates[Templates.FindIndex(t => t.Kind == kind)] = new ReplyTemplate { Kind = kind, Subject = s, Body = b };
            return Page();
        }
        var row = await db.ReplyTemplates.FirstOrDefaultAsync(t => t.Kind == kind, ct);
        var before = row is null ? null : $"{row.Subject}\n{row.Body}";
        row ??= db.ReplyTemplates.Add(new ReplyTemplate { Kind = kind, Subject = s, Body = b }).Entity;
        (row.Subject, row.Body, row.UpdatedAtUtc) = (s, b, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User.Identity?.Name ?? "?", "careers.template", ReplyTemplate.Label(kind), before, $"{s}\n{b}", ct);
        return Redirect($"/admin/karriere/vorlagen?gespeichert={kind}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Templates = [];
        foreach (var kind in Enum.GetValues<ReplyKind>()) Templates.Add(await replies.TemplateAsync(kind, ct));
    }
}
