using Goldfeder.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// What the data-protection officer needs: the proof of an address's consent (Art. 7(1)), everything stored about it
/// (Art. 15), and its erasure (Art. 17). The ledger is ours; every other feature's part comes through its
/// <see cref="IPersonalData"/>. See Newsletter/CONTEXT.md for what erasure keeps and why.
/// </summary>
public sealed class ConsentLedger(GoldfederDb db, IEnumerable<IPersonalData> parts, Secrets secrets, TimeProvider clock)
{
    public sealed record Proof(string Email, string Status, DateTime CreatedAtUtc, DateTime? ConfirmedAtUtc, DateTime? WithdrawnAtUtc, List<ProofEvent> Events);
    public sealed record ProofEvent(string Kind, DateTime AtUtc, string? IpAddress, string? UserAgent, string? SourcePage, string? Detail, ProofText? ConsentText);
    public sealed record ProofText(int Version, string Sha256, string Text);

    /// <summary>The subscription first, then each feature's part under its own key (parts with the same key are listed together).</summary>
    public sealed record Export(Proof Subscription, string Purpose, string Retention)
    {
        [JsonExtensionData] public Dictionary<string, object> Parts { get; init; } = [];
    }
    public async Task<Proof?> ProofAsync(string email, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(email, out var valid, out _)) return null;
        var normalized = EmailAddress.Normalize(valid);
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalized, ct);
        if (subscriber is null) return null;
        var texts = await db.ConsentTexts.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var events = await db.ConsentEvents.AsNoTracking()
            .Where(e => e.SubscriberId == subscriber.Id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .ToListAsync(ct);
        return new Proof(subscriber.Email, subscriber.Status.ToString(), subscriber.CreatedAtUtc, subscriber.ConfirmedAtUtc, subscriber.WithdrawnAtUtc,
            events.Select(e => new ProofEvent(e.Kind.ToString(), e.AtUtc, e.IpAddress, e.UserAgent, e.SourcePage, e.Detail,
                e.ConsentTextId is int id && texts.TryGetValue(id, out var t) ? new ProofText(t.Version, t.Sha256, t.Text) : null)).ToList());
    }

    public async Task<Export?> ExportAsync(string email, CancellationToken ct)
    {
        var proof = await ProofAsync(email, ct);
        if (proof is null) return null;
        var normalized = EmailAddress.Normalize(proof.Email);
        var export = new Export(proof,
            "Zusendung des Newsletters auf Grundlage Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO) und deren Nachweis (Art. 7 Abs. 1 DSGVO).",
            "Solange Sie den Newsletter beziehen; nach dem Widerruf der Nachweis der Einwilligung bis zum Ende der Verjährungsfrist (§§ 195, 199 BGB). Unbestätigte Anmeldungen werden nach 30 Tagen gelöscht.");
        foreach (var section in parts.GroupBy(p => p.Section))
        {
            var items = new List<object>();
            foreach (var part in section) items.AddRange(await part.ExportAsync(normalized, ct));
            export.Parts[section.Key] = items;
        }
        return export;
    }

    /// <summary>
    /// Removes every personal datum of the address, in the ledger and in every feature's part, in one transaction. What remains is one <c>erased</c> event holding a keyed hash of the
    /// address (so a later import can recognise an objection without knowing the address) and the dates and text
    /// versions of the erased history, with no IP address, user agent or page.
    /// </summary>
    public async Task<bool> EraseAsync(string email, string requestedBy, CancellationToken ct)
    {
        var proof = await ProofAsync(email, ct);
        if (proof is null) return false;
        var normalized = EmailAddress.Normalize(proof.Email);
        var key = await secrets.GetAsync("newsletter-erasure", ct);
        var addressHash = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized)));
        var summary = JsonSerializer.Serialize(new
        {
            addressHash,
            requestedBy,
            history = proof.Events.Select(e => new { e.Kind, e.AtUtc, consentTextVersion = e.ConsentText?.Version }),
        });

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.SingleAsync(s => s.NormalizedEmail == normalized, ct);
        // The other parts first: some (campaign deliveries) find the person through the subscriber row.
        foreach (var part in parts) await part.EraseAsync(normalized, ct);
        await db.ConsentEvents.Where(e => e.SubscriberId == subscriber.Id).ExecuteDeleteAsync(ct);
        await db.Subscribers.Where(s => s.Id == subscriber.Id).ExecuteDeleteAsync(ct);
        db.ConsentEvents.Add(new ConsentEvent { Kind = ConsentEventKind.Erased, AtUtc = clock.GetUtcNow().UtcDateTime, Detail = summary });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
