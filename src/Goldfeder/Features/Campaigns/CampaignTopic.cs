using Goldfeder.Features.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Campaigns;

/// <summary>A topic a campaign is sent to. A campaign without any goes to every confirmed subscriber.</summary>
public class CampaignTopic
{
    public int CampaignId { get; set; }
    public int TopicId { get; set; }
}

internal sealed class CampaignTopicConfiguration : IEntityTypeConfiguration<CampaignTopic>
{
    public const string Table = "CampaignTopics";

    public void Configure(EntityTypeBuilder<CampaignTopic> t)
    {
        t.ToTable(Table);
        t.HasKey(x => new { x.CampaignId, x.TopicId });
        t.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<NewsletterTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
