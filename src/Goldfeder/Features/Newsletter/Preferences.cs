using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// What a subscriber changes in the preference center (reached by the personal link in every mail, no login): topics,
/// a pause of one to three months, the answer to a re-permission mail. Every change is a ledger event with who, when,
/// from where and the consent text shown. Withdrawing from everything is <see cref="Withdrawal"/>.
/// </summary>
public sealed class Preferences(GoldfederDb db, NewsletterTopics topics, ConsentTexts consentTexts, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>Pauses that nobody chose with a date: silence after a re-permission mail.</summary>
    public static readonly DateTime UntilAnswered = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public sealed record State(int Id, string Email, SubscriberStatus Status, IReadOnlySet<int> Topics, bool WholeNewsletter, DateTime? PausedUntilUtc, bool RepermissionAsked)
    {
        public bool Paused(DateTime now) => PausedUntilUtc > now;
    }

    public async Task<State?> StateAsync(int subscriberId, CancellationToken ct)
    {
        var s = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == subscriberId, ct);
        if (s is null) return null;
        var chosen = await db.SubscriberTopics.Where(t => t.SubscriberId == subscriberId).Select(t => t.TopicId).ToListAsync(ct);
        return new State(s.Id, s.Email, s.Status, chosen.ToHashSet(), chosen.Count == 0, s.PausedUntilUtc, s.RepermissionAskedAtUtc is not null);
    }

    /// <summary>Sets the subscriber's topics to the offered ones chosen; null when fine, else a German message.</summary>
    public async Task<string?> SetTopicsAsync(int subscriberId, IReadOnlyCollection<int> chosenIds, Requester requester, CancellationToken ct)
    {
        var offered = await topics.ActiveAsync(ct);
        var chosen = offered.Where(t => chosenIds.Contains(t.Id)).Select(t => t.Id).ToHashSet();
        if (chosen.Count == 0) return "Bitte wählen Sie mindestens ein Thema – oder widersprechen Sie unten allen Werbe-E-Mails.";
        var consent = await consentTexts.CurrentAsync(NewsletterTopics.ConsentWording(site.Value.NewsletterBox.Consent, offered), ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is not { Status: SubscriberStatus.Confirmed }) return "Dieses Abonnement ist nicht aktiv. Bitte melden Sie sich neu an.";
        var held = (await db.SubscriberTopics.Where(t => t.SubscriberId == subscriberId).Select(t => t.TopicId).ToListAsync(ct)).ToHashSet();
        // Without rows the consent covered the whole newsletter: every offered topic counts as held.
        var wasWhole = held.Count == 0;
        var before = wasWhole ? offered.Select(t => t.Id).ToHashSet() : held;
        var added = chosen.Where(t => !held.Contains(t)).ToList();
        var dropped = held.Where(t => !chosen.Contains(t)).ToList();
        var droppedEvents = before.Where(t => !chosen.Contains(t)).ToList();

        if (dropped.Count > 0) await db.SubscriberTopics.Where(t => t.SubscriberId == subscriberId && dropped.Contains(t.TopicId)).ExecuteDeleteAsync(ct);
        db.SubscriberTopics.AddRange(added.Select(t => new SubscriberTopic { SubscriberId = subscriberId, TopicId = t, SinceUtc = now }));
        foreach (var t in added.Where(t => !before.Contains(t)))
            db.ConsentEvents.Add(Event(subscriberId, ConsentEventKind.Confirmed, now, consent.Id, t, requester, "Einstellungen: Thema gewählt"));
        foreach (var t in droppedEvents)
            db.ConsentEvents.Add(Event(subscriberId, ConsentEventKind.Withdrawn, now, consent.Id, t, requester, "Einstellungen: Thema abgewählt"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<bool> PauseAsync(int subscriberId, int months, Requester requester, CancellationToken ct)
    {
        if (months is < 1 or > 3) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddMonths(months);
        return await ChangeAsync(subscriberId, u => u.SetProperty(s => s.PausedUntilUtc, until), ConsentEventKind.Paused,
            $"Einstellungen: Pause bis {BerlinTime.Date(until)}", requester, ct);
    }

    public Task<bool> ResumeAsync(int subscriberId, Requester requester, CancellationToken ct) =>
        ChangeAsync(subscriberId, u => u.SetProperty(s => s.PausedUntilUtc, (DateTime?)null), ConsentEventKind.Resumed, "Einstellungen: Pause beendet", requester, ct);

    /// <summary>"Ja, weiter erhalten": the answer to a re-permission mail, also after the silence paused the subscription.</summary>
    public Task<bool> ReconfirmAsync(int subscriberId, Requester requester, CancellationToken ct) =>
        ChangeAsync(subscriberId, u => u.SetProperty(s => s.RepermissionAskedAtUtc, (DateTime?)null).SetProperty(s => s.PausedUntilUtc, (DateTime?)null),
            ConsentEventKind.Reconfirmed, "Erneuerung bestätigt", requester, ct);

    private async Task<bool> ChangeAsync(int subscriberId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Subscriber>> set,
        ConsentEventKind kind, string detail, Requester requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriberId && s.Status == SubscriberStatus.Confirmed, ct);
        if (subscriber is null) return false;
        await db.Subscribers.Where(s => s.Id == subscriberId).ExecuteUpdateAsync(set, ct);
        db.ConsentEvents.Add(Event(subscriberId, kind, now, subscriber.ConsentTextId, null, requester, detail));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    internal static ConsentEvent Event(int subscriberId, ConsentEventKind kind, DateTime now, int? consentTextId, int? topicId, Requester? requester, string detail) => new()
    {
        SubscriberId = subscriberId, Kind = kind, AtUtc = now, ConsentTextId = consentTextId, TopicId = topicId,
        IpAddress = requester?.IpAddress, UserAgent = requester?.UserAgent, SourcePage = requester?.SourcePage, Detail = detail,
    };
}
