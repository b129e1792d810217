using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers.Admin;

/// <summary>HR's list of postings, with how many applications each has and how many are new.</summary>
public sealed class PostingListModel(GoldfederDb db) : PageModel
{
    public sealed record Row(JobPosting Posting, int Applications, int New);
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var postings = await db.JobPostings.AsNoTracking().OrderByDescending(p => p.UpdatedAtUtc).Take(500).ToListAsync(ct);
        var counts = await db.Applications.GroupBy(a => a.JobPostingId)
            .Select(g => new { Id = g.Key, All = g.Count(), New = g.Count(a => a.Status == ApplicationStatus.New) })
            .ToDictionaryAsync(x => x.Id, ct);
        Rows = postings.Select(p => new Row(p, counts.GetValueOrDefault(p.Id)?.All ?? 0, counts.GetValueOrDefault(p.Id)?.New ?? 0)).ToList();
    }
}
