using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// One step in the life of a subscription, append-only: rows are inserted, never updated. The only deletion is
/// erasure (GDPR Art. 17), which replaces a person's events by one <see cref="ConsentEventKind.Erased"/> event
/// without personal data (see Newsletter/CONTEXT.md).
/// </summary>
public class ConsentEvent
{
    public long Id { get; set; }
    public int? SubscriberId { get; set; }
    public Subscriber? Subscriber { get; set; }
    public ConsentEventKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public int? ConsentTextId { get; set; }

    /// <summary>The topic this step concerns; null for a step of the whole subscription.</summary>
    public int? TopicId { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? SourcePage { get; set; }

    /// <summary>How it happened: "link", "one-click", "import file.csv:17", or for an erasure the keyed address hash and summary.</summary>
    public string? Detail { get; set; }
}

internal sealed class ConsentEventConfiguration : IEntityTypeConfiguration<ConsentEvent>
{
    public const string Table = "ConsentEvents";

    public void Configure(EntityTypeBuilder<ConsentEvent> e)
    {
        e.ToTable(Table);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.IpAddress).HasMaxLength(45);
        e.Property(x => x.UserAgent).HasMaxLength(512);
        e.Property(x => x.SourcePage).HasMaxLength(512);
        e.Property(x => x.Detail).HasMaxLength(4000);
        e.HasIndex(x => new { x.SubscriberId, x.AtUtc });
        e.HasOne(x => x.Subscriber).WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ConsentText>().WithMany().HasForeignKey(x => x.ConsentTextId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the topics: on SQLite adding one rebuilds the table and drops its append-only trigger.
        // Topics are never deleted, so the id always resolves.
        e.HasIndex(x => x.TopicId);
    }
}
