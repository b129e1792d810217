using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// One subject a reader can choose (Marktberichte, Produktneuheiten, …). Never deleted: the ledger's events point at
/// it. A retired topic is no longer offered nor targeted; the proof still names it.
/// </summary>
public class NewsletterTopic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public int SortOrder { get; set; }
    public bool Retired { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class NewsletterTopicConfiguration : IEntityTypeConfiguration<NewsletterTopic>
{
    public const string Table = "NewsletterTopics";

    public void Configure(EntityTypeBuilder<NewsletterTopic> t)
    {
        t.ToTable(Table);
        t.Property(x => x.Name).HasMaxLength(100);
        t.Property(x => x.Description).HasMaxLength(500);
        t.HasIndex(x => x.Name).IsUnique();
    }
}
