using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Common;

/// <summary>
/// The audit log's part of a person's data: entries whose subject is the address. Erased, the entries keep who did what
/// when, but no longer whom it concerned.
/// </summary>
public sealed class AuditPersonalData(GoldfederDb db) : IPersonalData
{
    public const string ErasedSubject = "(gelöschte Adresse)";

    public string Section => "protokoll";

    public async Task<IReadOnlyList<object>> ExportAsync(string normalizedEmail, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.Subject != null && a.Subject.ToLower() == normalizedEmail)
            .OrderBy(a => a.AtUtc)
            .Select(a => new { a.AtUtc, a.Action })
            .ToListAsync<object>(ct);

    public Task EraseAsync(string normalizedEmail, CancellationToken ct) =>
        db.AuditEntries.Where(a => a.Subject != null && a.Subject.ToLower() == normalizedEmail)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Subject, ErasedSubject), ct);
}
