using Goldfeder.Features.Newsletter;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>Claiming due deliveries for one worker, so that no two workers send the same one at the same time.</summary>
public static class DeliveryClaims
{
    public sealed record Claimed(long Id, int CampaignId, int? SubscriberId, int Attempts, string? Email, SubscriberStatus? SubscriberStatus, bool Suppressed);

    /// <summary>
    /// Moves up to <paramref name="size"/> due deliveries of sending campaigns a lease ahead and returns them with their
    /// recipients as they are now (so a withdrawal up to this moment is seen). The lease's end, jittered by a random
    /// number of ticks, marks this claim: only rows carrying it are ours. A crashed worker's rows fall due again when the
    /// lease ends; nothing is lost, and only those rows can be sent twice.
    /// </summary>
    public static async Task<List<Claimed>> ClaimAsync(GoldfederDb db, int size, TimeSpan lease, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = now + lease + TimeSpan.FromTicks(Random.Shared.Next(1, 10_000_000));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var due = await CampaignsSql.ClaimDueDeliveries
                .Query<long>(db, nameof(DeliveryStatus.Pending), now, nameof(CampaignStatus.Sending), size).ToListAsync(ct);
            if (due.Count == 0) return [];
            await db.Deliveries
                .Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && d.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAtUtc, claim).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            await tx.CommitAsync(ct);
        }

        return await (
            from d in db.Deliveries.AsNoTracking()
            where d.Status == DeliveryStatus.Pending && d.NextAttemptAtUtc == claim
            join s in db.Subscribers on d.SubscriberId equals s.Id into recipient
            from s in recipient.DefaultIfEmpty()
            orderby d.Id
            select new Claimed(d.Id, d.CampaignId, d.SubscriberId, d.Attempts,
                s == null ? null : s.Email,
                s == null ? null : s.Status,
                s != null && db.Set<Suppression>().Any(x => x.NormalizedEmail == s.NormalizedEmail))
        ).ToListAsync(ct);
    }
}
