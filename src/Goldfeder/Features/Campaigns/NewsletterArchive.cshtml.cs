using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary><c>/newsletter/archiv</c>: every sent campaign, newest first, each linking its web version.</summary>
public sealed class NewsletterArchiveModel(GoldfederDb db) : PageModel
{
    public sealed record Entry(int Id, string Subject, DateTime SentAtUtc);

    public List<Entry> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        Campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Sent && c.RenderedHtml != null)
            .OrderByDescending(c => c.StartedAtUtc)
            .Select(c => new Entry(c.Id, c.Subject, c.StartedAtUtc ?? c.CreatedAtUtc))
            .Take(500)
            .ToListAsync(ct);
    }
}
