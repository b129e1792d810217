using System.Security.Cryptography;
using System.Text;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Common;

/// <summary>
/// Writes and reads the audit log; every admin action that changes something records one entry. The one way in: it
/// saves with the scope's <see cref="GoldfederDb"/>, so inside a transaction on that DbContext the entry commits with it.
/// An entry never names a reader, subscriber or applicant in clear: it holds an internal id ("Bewerbung #12") or the
/// person's key (<see cref="PersonAsync"/>), so that looking someone up after an erasure does not write the address again.
/// </summary>
public sealed class AuditLog(GoldfederDb db, Secrets secrets, TimeProvider clock)
{
    public const string PersonPrefix = "Person ";

    public async Task RecordAsync(string actor, string action, string? subject, string? before = null, string? after = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Before = before, After = after });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// How the log names a person: "Person " and 128 bits of HMAC-SHA256 of the normalised address under the site's
    /// <c>audit-person</c> key. The same address always gives the same key, so the officer can find every entry about
    /// it; without the key (which lives in the database, not in the log) the address cannot be read back or guessed
    /// offline. Call it before opening a transaction: the first call creates the key through a scope of its own.
    /// </summary>
    public async Task<string> PersonAsync(string normalizedEmail, CancellationToken ct = default)
    {
        var key = await secrets.GetAsync("audit-person", ct);
        return PersonPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalizedEmail)))[..32];
    }

    public Task<List<AuditEntry>> LatestAsync(int count, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(count).ToListAsync(ct);
}
