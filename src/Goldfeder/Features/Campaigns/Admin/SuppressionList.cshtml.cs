using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>Addresses refused for good by a mail server; every send skips them until cleared here.</summary>
public sealed class SuppressionListModel(GoldfederDb db, AuditLog audit) : PageModel
{
    public List<Suppression> Entries { get; private set; } = [];
    [FromQuery(Name = "suche")] public string? Search { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var query = db.Suppressions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search)) query = query.Where(s => s.NormalizedEmail.Contains(Search.Trim().ToLower()));
        Entries = await query.OrderByDescending(s => s.CreatedAtUtc).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string adresse, CancellationToken ct)
    {
        var removed = await db.Suppressions.Where(s => s.NormalizedEmail == adresse).ExecuteDeleteAsync(ct);
        if (removed > 0) await audit.RecordAsync(User.Identity?.Name ?? "?", "suppression.clear", await audit.PersonAsync(adresse, ct), null, null, ct);
        return Redirect("/admin/newsletter/sperrliste");
    }
}
