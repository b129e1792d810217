using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Admin;

/// <summary>One admin action: who, what, on what, when, and (for changes) what it was before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Subject { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.Property(x => x.Actor).HasMaxLength(320);
        a.Property(x => x.Action).HasMaxLength(100);
        a.Property(x => x.Subject).HasMaxLength(500);
        a.HasIndex(x => x.AtUtc);
    }
}

public sealed class AuditLog(GoldfederDb db, WriteGate writes, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string? subject, string? before = null, string? after = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Before = before, After = after });
        using (await writes.EnterAsync(ct)) await db.SaveChangesAsync(ct);
    }

    public Task<List<AuditEntry>> LatestAsync(int count, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(count).ToListAsync(ct);
}
