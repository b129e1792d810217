using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>Open positions, newest first. A posting past its end date is gone from the list.</summary>
[OutputCache(PolicyName = PublicCache.Policy, Tags = [PostingSaver.CacheTag])]
public sealed class OpenPositionsModel(GoldfederDb db, TimeProvider clock) : PageModel
{
    public List<JobPosting> Postings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Postings = await db.JobPostings.AsNoTracking().Open(now)
            .OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id)
            .ToListAsync(ct);
        CareersCache.ExpireAtNextEnd(HttpContext, Postings, now);
    }
}
