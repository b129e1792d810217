using Goldfeder.Common;
using Goldfeder.Data;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// What the data-protection officer needs: the proof of an address's consent (Art. 7(1)), everything stored about the
/// person in any feature (lookup, Art. 15 export) and its erasure (Art. 17). Each feature's part comes through its
/// <see cref="IPersonalData"/>; the ledger's own is <see cref="NewsletterPersonalData"/>. Every use is audited under the
/// person's key, never the address. See Newsletter/CONTEXT.md for what erasure keeps and why.
/// </summary>
public sealed class ConsentLedger(GoldfederDb db, IEnumerable<IPersonalData> parts, NewsletterPersonalData newsletter, AuditLog audit, TimeProvider clock)
{
    public sealed record Proof(string Email, string Status, DateTime CreatedAtUtc, DateTime? ConfirmedAtUtc, DateTime? WithdrawnAtUtc, List<ProofEvent> Events)
    {
        /// <summary>The topics held now (empty: the whole newsletter, consented before topics existed) and when a pause ends.</summary>
        public List<string> Topics { get; init; } = [];
        public DateTime? PausedUntilUtc { get; init; }

        /// <summary>The history topic by topic: each topic's events in order; the whole subscription's under null.</summary>
        public IEnumerable<IGrouping<string?, ProofEvent>> ByTopic() => Events.GroupBy(e => e.Topic).OrderBy(g => g.Key is not null).ThenBy(g => g.Key);
    }

    /// <param name="Topic">The topic the step concerns; null for the whole subscription.</param>
    public sealed record ProofEvent(string Kind, DateTime AtUtc, string? IpAddress, string? UserAgent, string? SourcePage, string? Detail, ProofText? ConsentText, string? Topic = null);
    public sealed record ProofText(int Version, string Sha256, string Text);

    public async Task<Proof?> ProofAsync(string email, CancellationToken ct) =>
        Normalized(email) is { } normalized ? await newsletter.ProofAsync(normalized, ct) : null;

    /// <summary>Everything stored about the address, each feature's part in its own section; null when nothing is.</summary>
    public async Task<PersonalDataExport?> ExportAsync(string email, CancellationToken ct)
    {
        if (Normalized(email) is not { } normalized) return null;
        var sections = new List<PersonalDataExport.Part>();
        foreach (var part in parts)
            sections.Add(new PersonalDataExport.Part(part.Section, part.Purpose, part.Retention, await part.ExportAsync(normalized, ct)));
        if (sections.All(s => s.Entries.Count == 0)) return null;
        return new PersonalDataExport(normalized, clock.GetUtcNow().UtcDateTime, sections.Where(s => s.Entries.Count > 0).ToList());
    }

    /// <summary>
    /// Removes every personal datum of the address in every feature's part, in one transaction; false when nothing was
    /// stored. Looks first (outside the transaction, so keys the parts need are cached before the write gate is held).
    /// The newsletter's part goes last: others (campaign deliveries) find the person through the subscriber row.
    /// </summary>
    public async Task<bool> EraseAsync(string email, string requestedBy, CancellationToken ct)
    {
        if (await ExportAsync(email, ct) is not { } found) return false;
        var normalized = found.Address;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var part in parts.OrderBy(p => p is NewsletterPersonalData)) await part.EraseAsync(normalized, ct);
        await audit.RecordAsync(requestedBy, "consent.erase", AuditPersonalData.ErasedSubject, after: string.Join(", ", found.Sections.Select(s => s.Section)), ct: ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Records that staff looked at or exported what is stored about the address, under the person's key.</summary>
    public async Task RecordUseAsync(string actor, string action, string email, CancellationToken ct)
    {
        var normalized = Normalized(email) ?? email.Trim().ToLowerInvariant();
        await audit.RecordAsync(actor, action, await audit.PersonAsync(normalized, ct), ct: ct);
    }

    private static string? Normalized(string email) =>
        EmailAddress.TryNormalize(email, out var valid, out _) ? EmailAddress.Normalize(valid) : null;
}
