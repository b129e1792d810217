using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// Withdrawal of consent (GDPR Art. 7(3)): one-sided, immediate, never to be confirmed by mail. The proof of the
/// earlier consent stays in the ledger.
/// </summary>
public sealed class Withdrawal(GoldfederDb db, WithdrawalTokens tokens, TimeProvider clock)
{
    /// <summary>False when the token is not one of ours. A repeated withdrawal is a success that records nothing new.</summary>
    public async Task<bool> WithdrawAsync(string? token, string channel, Requester requester, CancellationToken ct)
    {
        var id = await tokens.VerifyAsync(token, ct);
        if (id is null) return false;
        await WithdrawAsync(id.Value, channel, requester, ct);
        return true;
    }

    public async Task WithdrawAsync(int subscriberId, string channel, Requester requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null) return; // erased: nothing is stored, nothing is sent

        var changed = await db.Subscribers
            .Where(s => s.Id == subscriberId && s.Status != SubscriberStatus.Withdrawn)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SubscriberStatus.Withdrawn)
                .SetProperty(s => s.WithdrawnAtUtc, now)
                .SetProperty(s => s.PausedUntilUtc, (DateTime?)null)
                .SetProperty(s => s.RepermissionAskedAtUtc, (DateTime?)null)
                .SetProperty(s => s.ConfirmTokenHash, (string?)null)
                .SetProperty(s => s.ConfirmTokenExpiresAtUtc, (DateTime?)null), ct);
        if (changed == 0) return;

        // The whole subscription, and each topic it held: a withdrawal (an objection, Art. 21) ends every one of them.
        var topics = await db.SubscriberTopics.Where(t => t.SubscriberId == subscriberId).OrderBy(t => t.TopicId).Select(t => (int?)t.TopicId).ToListAsync(ct);
        await db.SubscriberTopics.Where(t => t.SubscriberId == subscriberId).ExecuteDeleteAsync(ct);
        foreach (var topic in topics.Prepend(null))
            db.ConsentEvents.Add(new ConsentEvent
            {
                SubscriberId = subscriberId, Kind = ConsentEventKind.Withdrawn, AtUtc = now, ConsentTextId = subscriber.ConsentTextId, TopicId = topic,
                IpAddress = requester.IpAddress, UserAgent = requester.UserAgent, SourcePage = requester.SourcePage, Detail = channel,
            });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
