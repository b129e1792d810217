using Goldfeder.Features.Newsletter;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns.Admin;

public sealed class CampaignListModel(GoldfederDb db) : PageModel
{
    public sealed record Row(int Id, string Subject, CampaignStatus Status, DateTime CreatedAtUtc, DateTime? ScheduledForUtc, DateTime? StartedAtUtc, int Recipients, int Sent);

    public List<Row> Campaigns { get; private set; } = [];
    public int Confirmed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Confirmed = await db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed, ct);
        Campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).Take(100)
            .Select(c => new Row(c.Id, c.Subject, c.Status, c.CreatedAtUtc, c.ScheduledForUtc, c.StartedAtUtc,
                db.Set<Delivery>().Count(d => d.CampaignId == c.Id),
                db.Set<Delivery>().Count(d => d.CampaignId == c.Id && d.Status == DeliveryStatus.Sent)))
            .ToListAsync(ct);
    }

    public static string Label(CampaignStatus s) => s switch
    {
        CampaignStatus.Draft => "Entwurf",
        CampaignStatus.Scheduled => "geplant",
        CampaignStatus.Sending => "wird versandt",
        CampaignStatus.Paused => "angehalten",
        CampaignStatus.Sent => "versandt",
        _ => "abgebrochen",
    };
}
