using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Common;

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
    public const string Table = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.ToTable(Table);
        a.Property(x => x.Actor).HasMaxLength(320);
        a.Property(x => x.Action).HasMaxLength(100);
        a.Property(x => x.Subject).HasMaxLength(500);
        a.HasIndex(x => x.AtUtc);
    }
}
