using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary>
/// An applicant's file, for HR only: asked for by its random id (not its position or the stored name), always as a
/// download (<c>Content-Disposition: attachment</c>, the safe display name), never cached, never sniffed. Each download is
/// in the audit log.
/// </summary>
public sealed class ApplicationFileDownloadModel(GoldfederDb db, IFileStore store, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await db.ApplicationFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return NotFound();
        var content = await store.OpenAsync(file.StoredName, ct);
        if (content is null) return NotFound();
        await audit.RecordAsync(User.Identity?.Name ?? "?", "application.file-download", $"Bewerbung #{file.ApplicationId}", after: file.Id.ToString(), ct: ct);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, "application/pdf", file.OriginalName);
    }
}
