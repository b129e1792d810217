using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>The double opt-in's second half: the link's token turns a request into a subscription, once.</summary>
public sealed class Confirmation(GoldfederDb db, Outbox outbox, NewsletterMails mails, WithdrawalTokens withdrawal, TimeProvider clock)
{
    public async Task<ConfirmOutcome> ConfirmAsync(string? token, Requester requester, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return ConfirmOutcome.Invalid;
        var hash = ConfirmToken.HashOf(token);
        var detail = "token " + hash;
        var now = clock.GetUtcNow().UtcDateTime;
        var withdrawalKey = await withdrawal.KeyAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash, ct);
        if (subscriber is null)
            return await db.ConsentEvents.AnyAsync(e => e.Kind == ConsentEventKind.Confirmed && e.TopicId == null && e.Detail == detail, ct)
                ? ConfirmOutcome.AlreadyConfirmed
                : ConfirmOutcome.Invalid;
        if (subscriber.ConfirmTokenExpiresAtUtc < now) return ConfirmOutcome.Expired;

        // Guarded on the token, so two clicks at once confirm once.
        var changed = await db.Subscribers
            .Where(s => s.Id == subscriber.Id && s.ConfirmTokenHash == hash)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SubscriberStatus.Confirmed)
                .SetProperty(s => s.ConfirmedAtUtc, now)
                .SetProperty(s => s.WithdrawnAtUtc, (DateTime?)null)
                .SetProperty(s => s.ConfirmTokenHash, (string?)null)
                .SetProperty(s => s.ConfirmTokenExpiresAtUtc, (DateTime?)null), ct);
        if (changed == 0) return ConfirmOutcome.AlreadyConfirmed;

        // The whole subscription, then each topic it asked for.
        var topics = await db.SubscriberTopics.Where(t => t.SubscriberId == subscriber.Id).OrderBy(t => t.TopicId).Select(t => (int?)t.TopicId).ToListAsync(ct);
        foreach (var topic in topics.Prepend(null))
            db.ConsentEvents.Add(new ConsentEvent
            {
                SubscriberId = subscriber.Id, Kind = ConsentEventKind.Confirmed, AtUtc = now, ConsentTextId = subscriber.ConsentTextId, TopicId = topic,
                IpAddress = requester.IpAddress, UserAgent = requester.UserAgent, SourcePage = requester.SourcePage, Detail = detail,
            });
        var withdrawUrl = SiteUrls.Withdrawal(requester.BaseUrl, WithdrawalTokens.Create(withdrawalKey, subscriber.Id));
        var preferencesUrl = SiteUrls.Preferences(requester.BaseUrl, WithdrawalTokens.Create(withdrawalKey, subscriber.Id, WithdrawalTokens.Preferences));
        outbox.Add(mails.Welcome(subscriber.Email, withdrawUrl, preferencesUrl));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Wake();
        return ConfirmOutcome.Confirmed;
    }
}
