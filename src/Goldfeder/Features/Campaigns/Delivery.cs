using Goldfeder.Features.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Campaigns;

/// <summary>One recipient of one campaign, created when the send starts.</summary>
public class Delivery
{
    public long Id { get; set; }
    public int CampaignId { get; set; }

    /// <summary>Null once the subscriber was erased: the row then only counts.</summary>
    public int? SubscriberId { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the delivery is next due. A worker claims it by moving this past its lease, so a crashed worker's deliveries come back by themselves.</summary>
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>The server's reply to the last failed attempt.</summary>
    public string? LastError { get; set; }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public const string Table = "Deliveries";

    public void Configure(EntityTypeBuilder<Delivery> d)
    {
        d.ToTable(Table);
        d.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.LastError).HasMaxLength(1000);
        d.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
        d.HasIndex(x => new { x.CampaignId, x.Status });
        d.HasIndex(x => new { x.CampaignId, x.SubscriberId }).IsUnique();
        d.HasIndex(x => x.SubscriberId);
        d.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<Subscriber>().WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.SetNull);
    }
}
