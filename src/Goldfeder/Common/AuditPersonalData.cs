using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Common;

/// <summary>
/// The audit log's part of a person's data: entries about the person, found by the person's key (see
/// <see cref="AuditLog.PersonAsync"/>), and entries written before there was a key, which held the address itself.
/// Erased, the entries keep who did what when, but no longer whom it concerned.
/// </summary>
public sealed class AuditPersonalData(GoldfederDb db, AuditLog audit) : IPersonalData
{
    public const string ErasedSubject = "(gelöschte Adresse)";

    public string Section => "Protokoll der Verwaltung";
    public string Purpose => "Nachweis, wer in der Verwaltung wann was mit Ihren Daten getan hat (Art. 5 Abs. 2, Art. 32 DSGVO).";
    public string Retention => "Bis zur Löschung Ihrer Daten mit Bezug zu Ihnen, danach ohne Bezug zu Ihnen.";
    public IReadOnlyCollection<Type> Covers => [typeof(AuditEntry)];

    public async Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct)
    {
        var entries = await About(normalizedEmail, await audit.PersonAsync(normalizedEmail, ct)).AsNoTracking()
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.AtUtc, a.Action })
            .ToListAsync(ct);
        return entries.Select(e => new PersonalRecord().With("Zeit", e.AtUtc).With("Vorgang", AuditActions.German(e.Action))).ToList();
    }

    public async Task EraseAsync(string normalizedEmail, CancellationToken ct)
    {
        var person = await audit.PersonAsync(normalizedEmail, ct);
        await db.AuditEntries.Where(a => a.Subject != null && (a.Subject == person || a.Subject.ToLower() == normalizedEmail))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Subject, ErasedSubject), ct);
        await db.AuditEntries.Where(a => a.After != null && (a.After == person || a.After.ToLower() == normalizedEmail))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.After, ErasedSubject), ct);
    }

    /// <summary>Entries naming the person's key, or (written before keys) the address itself, as subject or as the value set.</summary>
    private IQueryable<AuditEntry> About(string normalizedEmail, string person) =>
        db.AuditEntries.Where(a => (a.Subject != null && (a.Subject == person || a.Subject.ToLower() == normalizedEmail))
            || (a.After != null && (a.After == person || a.After.ToLower() == normalizedEmail)));
}
