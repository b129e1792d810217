using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>Where a campaign stands, counted from its delivery rows: what the SMTP servers said, nothing else.</summary>
public sealed record CampaignProgress(
    int Id, string Subject, string Status, string? PauseReason, DateTime? ScheduledForUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc,
    int Recipients, int Sent, int Failed, int Bounced, int Skipped, int Remaining, double PerSecond, int? SecondsLeft)
{
    public bool Done => Status is nameof(CampaignStatus.Sent) or nameof(CampaignStatus.Cancelled);

    public static async Task<CampaignProgress?> OfAsync(GoldfederDb db, int id, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Subject, x.Status, x.PauseReason, x.ScheduledForUtc, x.StartedAtUtc, x.FinishedAtUtc })
            .FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var counts = await db.Deliveries.Where(d => d.CampaignId == id).GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        int Count(DeliveryStatus s) => counts.GetValueOrDefault(s);

        // The rate over the last minute of sending; the time left follows from it.
        var now = clock.GetUtcNow().UtcDateTime;
        var minuteAgo = now.AddMinutes(-1);
        var lastMinute = c.Status == CampaignStatus.Sending
            ? await db.Deliveries.CountAsync(d => d.CampaignId == id && d.Status == DeliveryStatus.Sent && d.SentAtUtc > minuteAgo, ct)
            : 0;
        var window = c.StartedAtUtc is { } started && started > minuteAgo ? (now - started).TotalSeconds : 60;
        var perSecond = window > 0 ? lastMinute / window : 0;
        var remaining = Count(DeliveryStatus.Pending);
        return new CampaignProgress(c.Id, c.Subject, c.Status.ToString(), c.PauseReason, c.ScheduledForUtc, c.StartedAtUtc, c.FinishedAtUtc,
            counts.Values.Sum(), Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Bounced),
            Count(DeliveryStatus.Skipped), remaining, Math.Round(perSecond, 1),
            perSecond > 0 && remaining > 0 ? (int)Math.Ceiling(remaining / perSecond) : null);
    }
}
