using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// A topic a subscriber has chosen, as it stands now; the ledger holds how it came to be. A confirmed subscriber
/// without any row consented before topics existed (or was imported without them) to the whole newsletter.
/// </summary>
public class SubscriberTopic
{
    public int SubscriberId { get; set; }
    public int TopicId { get; set; }
    public DateTime SinceUtc { get; set; }
}

internal sealed class SubscriberTopicConfiguration : IEntityTypeConfiguration<SubscriberTopic>
{
    public const string Table = "SubscriberTopics";

    public void Configure(EntityTypeBuilder<SubscriberTopic> t)
    {
        t.ToTable(Table);
        t.HasKey(x => new { x.SubscriberId, x.TopicId });
        t.HasIndex(x => x.TopicId);
        t.HasOne<Subscriber>().WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<NewsletterTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
