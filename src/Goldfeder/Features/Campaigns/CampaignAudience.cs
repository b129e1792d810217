using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Whom a campaign reaches: its topics, and how many subscribers a choice of topics reaches right now, with the rule
/// the start applies (<see cref="CampaignsSql.InsertAudienceDeliveries"/>): confirmed, not paused, not suppressed, and
/// holding one of the topics or none at all (consent to the whole newsletter from before topics existed).
/// </summary>
public sealed class CampaignAudience(GoldfederDb db, NewsletterTopics topics, TimeProvider clock)
{
    public Task<List<int>> TopicsOfAsync(int campaignId, CancellationToken ct) =>
        db.CampaignTopics.Where(t => t.CampaignId == campaignId).Select(t => t.TopicId).ToListAsync(ct);

    /// <summary>Sets the campaign's topics to the offered ones among <paramref name="topicIds"/>; false when it can no longer be changed.</summary>
    public async Task<bool> SetTopicsAsync(int campaignId, IReadOnlyCollection<int> topicIds, CancellationToken ct)
    {
        var offered = (await topics.ActiveAsync(ct)).Select(t => t.Id).Where(topicIds.Contains).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId && (c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled), ct)) return false;
        await db.CampaignTopics.Where(t => t.CampaignId == campaignId).ExecuteDeleteAsync(ct);
        db.CampaignTopics.AddRange(offered.Select(t => new CampaignTopic { CampaignId = campaignId, TopicId = t }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>How many subscribers a campaign to these topics (none: everyone) would reach if it started now.</summary>
    public Task<int> CountAsync(IReadOnlyCollection<int> topicIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = topicIds.ToList();
        return db.Subscribers.Where(s => s.Status == SubscriberStatus.Confirmed
                && (s.PausedUntilUtc == null || s.PausedUntilUtc <= now)
                && !db.Set<Suppression>().Any(x => x.NormalizedEmail == s.NormalizedEmail)
                && (ids.Count == 0
                    || !db.Set<SubscriberTopic>().Any(t => t.SubscriberId == s.Id)
                    || db.Set<SubscriberTopic>().Any(t => t.SubscriberId == s.Id && ids.Contains(t.TopicId))))
            .CountAsync(ct);
    }
}
