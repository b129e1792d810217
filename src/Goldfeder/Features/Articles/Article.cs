using Goldfeder.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles;

/// <summary>Only <see cref="Published"/> articles are public; <see cref="ScheduledPublisher"/> turns Scheduled into Published at their time.</summary>
public enum ArticleStatus { Draft, Scheduled, Published, Unpublished }

public class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Lead { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>The byline's display name ("von Max Muster"); empty shows no byline.</summary>
    public string Author { get; set; } = "";

    /// <summary>Sanitised HTML rendered from <see cref="BodyMarkdown"/> when the article is saved, never per request.</summary>
    public string BodyHtml { get; set; } = "";

    public ArticleStatus Status { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<ArticleRelation> Related { get; set; } = [];
    public List<Category> Categories { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
}

/// <summary>An editor's pick for "Wissenswertes zum Thema", in the editor's order.</summary>
public class ArticleRelation
{
    public int ArticleId { get; set; }
    public int RelatedArticleId { get; set; }
    public int Position { get; set; }
    public Article? RelatedArticle { get; set; }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public const string Table = "Articles";

    public void Configure(EntityTypeBuilder<Article> a)
    {
        a.ToTable(Table);
        a.Property(x => x.Slug).HasMaxLength(200);
        a.HasIndex(x => x.Slug).IsUnique();
        a.Property(x => x.Title).HasMaxLength(300);
        a.Property(x => x.Lead).HasMaxLength(2000);
        a.Property(x => x.Author).HasMaxLength(200);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.HasIndex(x => new { x.Status, x.PublishedAtUtc });
        a.HasMany(x => x.Related).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRelationConfiguration : IEntityTypeConfiguration<ArticleRelation>
{
    public const string Table = "ArticleRelations";

    public void Configure(EntityTypeBuilder<ArticleRelation> r)
    {
        r.ToTable(Table);
        r.HasKey(x => new { x.ArticleId, x.RelatedArticleId });
        r.HasOne(x => x.RelatedArticle).WithMany().HasForeignKey(x => x.RelatedArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
