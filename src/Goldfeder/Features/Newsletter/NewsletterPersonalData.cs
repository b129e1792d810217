using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The newsletter's own part of a person's data: the subscriber and the consent ledger's events (Art. 7(1) proof).
/// Erased, one <c>erased</c> event remains with a keyed hash of the address and the dates of the erased history, no
/// address, IP, user agent or page (see Newsletter/CONTEXT.md for why).
/// </summary>
public sealed class NewsletterPersonalData(GoldfederDb db, Secrets secrets, TimeProvider clock) : IPersonalData
{
    public const string ErasureKey = "newsletter-erasure";

    public string Section => "Newsletter-Einwilligung";
    public string Purpose => "Zusendung des Newsletters auf Grundlage Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO) und deren Nachweis (Art. 7 Abs. 1 DSGVO).";
    public string Retention => "Solange Sie den Newsletter beziehen; nach dem Widerruf der Nachweis der Einwilligung bis zum Ende der Verjährungsfrist (§§ 195, 199 BGB). Unbestätigte Anmeldungen werden nach 30 Tagen gelöscht.";
    public IReadOnlyCollection<Type> Covers => [typeof(Subscriber), typeof(ConsentEvent), typeof(SubscriberTopic)];

    public async Task<ConsentLedger.Proof?> ProofAsync(string normalizedEmail, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalizedEmail, ct);
        if (subscriber is null) return null;
        var texts = await db.ConsentTexts.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var events = await db.ConsentEvents.AsNoTracking()
            .Where(e => e.SubscriberId == subscriber.Id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .ToListAsync(ct);
        var topics = await db.NewsletterTopics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var held = await db.SubscriberTopics.AsNoTracking().Where(t => t.SubscriberId == subscriber.Id).Select(t => t.TopicId).ToListAsync(ct);
        return new ConsentLedger.Proof(subscriber.Email, subscriber.Status.ToString(), subscriber.CreatedAtUtc, subscriber.ConfirmedAtUtc, subscriber.WithdrawnAtUtc,
            events.Select(e => new ConsentLedger.ProofEvent(e.Kind.ToString(), e.AtUtc, e.IpAddress, e.UserAgent, e.SourcePage, e.Detail,
                e.ConsentTextId is int id && texts.TryGetValue(id, out var t) ? new ConsentLedger.ProofText(t.Version, t.Sha256, t.Text) : null,
                e.TopicId is int topic ? topics.GetValueOrDefault(topic, $"Thema {topic}") : null)).ToList())
        {
            Topics = held.Select(id => topics.GetValueOrDefault(id, $"Thema {id}")).Order().ToList(),
            PausedUntilUtc = subscriber.PausedUntilUtc,
        };
    }

    public async Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct)
    {
        // Fetched here, outside any transaction, so that an erasure (which always looks first) finds the key cached.
        await secrets.GetAsync(ErasureKey, ct);
        var proof = await ProofAsync(normalizedEmail, ct);
        if (proof is null) return [];
        return
        [
            new PersonalRecord()
                .With("E-Mail-Adresse", proof.Email)
                .With("Status", StatusText(proof.Status))
                .With("Angemeldet", proof.CreatedAtUtc)
                .With("Bestätigt", proof.ConfirmedAtUtc)
                .With("Widerrufen", proof.WithdrawnAtUtc)
                .With("Themen", proof.Status == nameof(SubscriberStatus.Withdrawn) ? "keine" : proof.Topics.Count == 0 ? "ganzer Newsletter" : string.Join(", ", proof.Topics))
                .With("Pausiert bis", proof.PausedUntilUtc),
            .. proof.Events.Select(e => new PersonalRecord()
                .With("Ereignis", KindText(e.Kind))
                .With("Thema", e.Topic ?? "ganzes Abonnement")
                .With("Zeit", e.AtUtc)
                .With("IP-Adresse", e.IpAddress)
                .With("Browser", e.UserAgent)
                .With("Seite", e.SourcePage)
                .With("Einzelheiten", e.Detail)
                .With("Einwilligungstext, Version", e.ConsentText?.Version.ToString())
                .With("Einwilligungstext", e.ConsentText?.Text)),
        ];
    }

    public async Task EraseAsync(string normalizedEmail, CancellationToken ct)
    {
        var proof = await ProofAsync(normalizedEmail, ct);
        if (proof is null) return;
        var key = await secrets.GetAsync(ErasureKey, ct);
        var summary = JsonSerializer.Serialize(new
        {
            addressHash = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalizedEmail))),
            history = proof.Events.Select(e => new { e.Kind, e.AtUtc, consentTextVersion = e.ConsentText?.Version, e.Topic }),
        });
        var subscriberId = await db.Subscribers.Where(s => s.NormalizedEmail == normalizedEmail).Select(s => s.Id).SingleAsync(ct);
        await db.ConsentEvents.Where(e => e.SubscriberId == subscriberId).ExecuteDeleteAsync(ct);
        await db.SubscriberTopics.Where(t => t.SubscriberId == subscriberId).ExecuteDeleteAsync(ct);
        await db.Subscribers.Where(s => s.Id == subscriberId).ExecuteDeleteAsync(ct);
        db.ConsentEvents.Add(new ConsentEvent { Kind = ConsentEventKind.Erased, AtUtc = clock.GetUtcNow().UtcDateTime, Detail = summary });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The subscription's state in German, for the export and the officer's page.</summary>
    public static string StatusText(string status) => status switch
    {
        nameof(SubscriberStatus.Confirmed) => "bestätigt",
        nameof(SubscriberStatus.Withdrawn) => "widerrufen",
        _ => "angemeldet, noch nicht bestätigt",
    };

    /// <summary>A consent event in German, for the export and the officer's page.</summary>
    public static string KindText(string kind) => kind switch
    {
        nameof(ConsentEventKind.Requested) => "Anmeldung",
        nameof(ConsentEventKind.Confirmed) => "Bestätigung",
        nameof(ConsentEventKind.Withdrawn) => "Widerruf",
        nameof(ConsentEventKind.Imported) => "Übernahme aus dem Bestand",
        nameof(ConsentEventKind.Paused) => "Pause",
        nameof(ConsentEventKind.Resumed) => "Pause beendet",
        nameof(ConsentEventKind.RepermissionAsked) => "Nachfrage, ob weiter gewünscht",
        nameof(ConsentEventKind.Reconfirmed) => "Erneut bestätigt",
        nameof(ConsentEventKind.Erased) => "Löschung",
        _ => kind,
    };
}
