using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Mail;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The rows of a batch of signups, written with four statements whatever the batch's size: new subscribers, one
/// <c>requested</c> event per accepted signup and per topic it asks for, its topics (<see cref="NewsletterSql"/>), and its confirmation letter (Mail's
/// <see cref="Outbox.QueueLettersAsync"/>), all in the caller's transaction.
/// </summary>
internal static class SignupRows
{
    public static async Task InsertAsync(
        GoldfederDb db, List<PendingSignup> fresh, List<PendingSignup> accepted, int consentTextId, DateTime now, DateTime expires, CancellationToken ct)
    {
        if (accepted.Count == 0) return;
        if (fresh.Count > 0)
        {
            var subscribers = JsonSerializer.Serialize(fresh.Select(s => new { e = s.Email, n = s.NormalizedEmail, h = s.TokenHash }));
            await NewsletterSql.InsertRequestedSubscribers.ExecuteAsync(db, ct, subscribers, nameof(SubscriberStatus.Pending), now, consentTextId, expires);
        }
        var topics = JsonSerializer.Serialize(accepted.SelectMany(s => s.Topics.Select(t => new { n = s.NormalizedEmail, t })));
        await NewsletterSql.InsertSubscriberTopics.ExecuteAsync(db, ct, topics, now);
        // The whole request (t null) and one event per topic asked for.
        var events = JsonSerializer.Serialize(accepted.SelectMany(s => s.Topics.Select(t => (int?)t).Prepend(null)
            .Select(t => new { n = s.NormalizedEmail, t, ip = s.Requester.IpAddress, ua = s.Requester.UserAgent, sp = s.Requester.SourcePage })));
        await NewsletterSql.InsertRequestedEvents.ExecuteAsync(db, ct, events, nameof(ConsentEventKind.Requested), now, consentTextId, "confirmation mail queued");
        await Outbox.QueueLettersAsync(db, NewsletterMails.ConfirmationKind, NewsletterMails.ConfirmationSubject,
            accepted.Select(s => (s.Email, s.ConfirmUrl)), now, ct);
    }
}
