using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Common;

/// <summary>
/// Writes and reads the audit log; every admin action that changes something records one entry. The one way in: it
/// saves with the scope's <see cref="GoldfederDb"/>, so inside a transaction on that DbContext the entry commits with it.
/// </summary>
public sealed class AuditLog(GoldfederDb db, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string? subject, string? before = null, string? after = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Before = before, After = after });
        await db.SaveChangesAsync(ct);
    }

    public Task<List<AuditEntry>> LatestAsync(int count, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(count).ToListAsync(ct);
}
