using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// One report about one delivery (a DSN, an abuse report, a provider's webhook event), recorded once: the unique
/// (<see cref="Source"/>, <see cref="ExternalId"/>) is what keeps a report from being acted on twice. It holds no
/// address: the delivery leads to the subscriber, and erasure unlinks the delivery.
/// </summary>
public class BounceEvent
{
    public long Id { get; set; }

    /// <summary>imap, ses or postmark.</summary>
    public required string Source { get; set; }

    /// <summary>The report's Message-ID (IMAP, or a hash of the message when it has none), SNS's MessageId, Postmark's ID.</summary>
    public required string ExternalId { get; set; }
    public BounceKind Kind { get; set; }

    /// <summary>Null: no delivery of ours could be found for it.</summary>
    public long? DeliveryId { get; set; }
    public int? CampaignId { get; set; }

    /// <summary>Status code and diagnostic (addresses removed), or the provider's type.</summary>
    public string? Detail { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
}

internal sealed class BounceEventConfiguration : IEntityTypeConfiguration<BounceEvent>
{
    public const string Table = "BounceEvents";

    public void Configure(EntityTypeBuilder<BounceEvent> b)
    {
        b.ToTable(Table);
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.ExternalId).HasMaxLength(300);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.Kind });
        b.HasIndex(x => new { x.DeliveryId, x.Kind });
        b.HasIndex(x => x.ReceivedAtUtc);
        b.HasOne<Delivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The bounce reports' table on the one DbContext (owned by Campaigns).</summary>
public static class BounceTables
{
    extension(Data.GoldfederDb db)
    {
        public DbSet<BounceEvent> BounceEvents => db.Set<BounceEvent>();
    }
}
