using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary>The applications inbox of one posting, newest first, optionally filtered by status.</summary>
public sealed class ApplicationListModel(GoldfederDb db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(Name = "status", SupportsGet = true)] public ApplicationStatus? Status { get; set; }
    [BindProperty(Name = "geloescht", SupportsGet = true)] public int? Deleted { get; set; }
    public JobPosting Posting { get; private set; } = null!;
    public List<Application> Applications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var posting = await db.JobPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (posting is null) return NotFound();
        Posting = posting;
        var query = db.Applications.AsNoTracking().Include(a => a.Files).Where(a => a.JobPostingId == Id);
        if (Status is { } status) query = query.Where(a => a.Status == status);
        Applications = await query.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id).Take(1000).ToListAsync(ct);
        return Page();
    }
}
