using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Common;

/// <summary>Writes and reads the audit log; every admin action that changes something records one entry.</summary>
public sealed class AuditLog(GoldfederDb db, WriteGate writes, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string? subject, string? before = null, string? after = null, CancellationToken ct = default)
    {
        Add(actor, action, subject, before, after);
        using (await writes.EnterAsync(ct)) await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the entry to the caller's unit of work: it is written with the caller's SaveChanges, in its transaction.</summary>
    public void Add(string actor, string action, string? subject, string? before = null, string? after = null) =>
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Before = before, After = after });

    public Task<List<AuditEntry>> LatestAsync(int count, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(count).ToListAsync(ct);
}
