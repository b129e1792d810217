using Goldfeder.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// What the data-protection officer needs: the proof of an address's consent (Art. 7(1)), everything stored about it
/// (Art. 15), and its erasure (Art. 17). See Newsletter/CONTEXT.md for what erasure keeps and why.
/// </summary>
public sealed class ConsentLedger(GoldfederDb db, Secrets secrets, TimeProvider clock)
{
    public sealed record Proof(string Email, string Status, DateTime CreatedAtUtc, DateTime? ConfirmedAtUtc, DateTime? WithdrawnAtUtc, List<ProofEvent> Events);
    public sealed record ProofEvent(string Kind, DateTime AtUtc, string? IpAddress, string? UserAgent, string? SourcePage, string? Detail, ProofText? ConsentText);
    public sealed record ProofText(int Version, string Sha256, string Text);
    public sealed record Export(Proof Subscription, List<ExportMail> Mails, string Purpose, string Retention);
    public sealed record ExportMail(string Subject, string Status, DateTime CreatedAtUtc, DateTime? SentAtUtc);

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
        var mails = await db.OutboxMails.AsNoTracking()
            .Where(m => m.Recipient.ToLower() == normalized)
            .OrderBy(m => m.CreatedAtUtc)
            .Select(m => new ExportMail(m.Subject, m.Status.ToString(), m.CreatedAtUtc, m.SentAtUtc))
            .ToListAsync(ct);
        var subscriberId = await db.Subscribers.Where(s => s.NormalizedEmail == normalized).Select(s => s.Id).SingleAsync(ct);
        mails.AddRange(await (
            from d in db.Deliveries
            join c in db.Campaigns on d.CampaignId equals c.Id
            where d.SubscriberId == subscriberId
            orderby c.StartedAtUtc
            select new ExportMail(c.Subject, d.Status.ToString(), c.StartedAtUtc ?? c.CreatedAtUtc, d.SentAtUtc)).ToListAsync(ct));
        return new Export(proof, mails,
            "Zusendung des Newsletters auf Grundlage Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO) und deren Nachweis (Art. 7 Abs. 1 DSGVO).",
            "Solange Sie den Newsletter beziehen; nach dem Widerruf der Nachweis der Einwilligung bis zum Ende der Verjährungsfrist (§§ 195, 199 BGB). Unbestätigte Anmeldungen werden nach 30 Tagen gelöscht.");
    }

    /// <summary>
    /// Removes every personal datum of the address, in the ledger, the outbox and the audit log. What remains is one <c>erased</c> event holding a keyed hash of the
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
        await db.ConsentEvents.Where(e => e.SubscriberId == subscriber.Id).ExecuteDeleteAsync(ct);
        await db.OutboxMails.Where(m => m.Recipient.ToLower() == normalized).ExecuteDeleteAsync(ct);
        // Campaign deliveries stay for the campaign's counts, but no longer name the person.
        await db.Deliveries.Where(d => d.SubscriberId == subscriber.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.SubscriberId, (int?)null), ct);
        await db.Suppressions.Where(s => s.NormalizedEmail == normalized).ExecuteDeleteAsync(ct);
        await db.Subscribers.Where(s => s.Id == subscriber.Id).ExecuteDeleteAsync(ct);
        // The audit log keeps who looked up or erased what when, but no longer whom it concerned.
        await db.AuditEntries.Where(a => a.Subject != null && a.Subject.ToLower() == normalized)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Subject, "(gelöschte Adresse)"), ct);
        db.ConsentEvents.Add(new ConsentEvent { Kind = ConsentEventKind.Erased, AtUtc = clock.GetUtcNow().UtcDateTime, Detail = summary });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
